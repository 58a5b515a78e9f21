"""The names of a dataset's two files, and the environment variable that picks a dataset."""

ROLES_FILE = "roles.yaml"
PROGRESSIONS_FILE = "progressions.yaml"
DATA_ENV = "CAREERPATH_DATA"
