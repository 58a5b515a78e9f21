"""Run careerpath as `python -m careerpath`."""

from careerpath.cli import main

main()
