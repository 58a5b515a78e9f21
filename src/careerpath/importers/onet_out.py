"""The files of a dataset imported from O*NET: the YAML, with its attribution."""

from __future__ import annotations

from careerpath.importers import onet_meta as meta
from careerpath.importers.onet import OnetImport, OnetOptions
from careerpath.importers.yamlwrite import dataset_texts

# `framework` and `sources` (the loader reads them since "Data format: framework
# and sources"); False writes a dataset that loaders from before that still read.
WRITE_FRAMEWORK = True


def onet_files(result: OnetImport, options: OnetOptions) -> dict[str, str]:
    """The files of the imported dataset folder: name -> text."""
    source = meta.source_entry(result.release)
    framework = {"title": f"{source['title']}: occupations",
                 "proficiency": meta.PROFICIENCY.format(
                     min_importance=f"{options.min_importance.normalize():f}"),
                 "source": source["id"]}
    header = (f"Imported by careerpath from the {source['title']} (USDOL/ETA), "
              "used under CC BY 4.0.\nSee ATTRIBUTION.txt; the mapping is in careerpath's README.")
    roles, moves = dataset_texts(result.roles, result.progressions, header=header,
                                 framework=framework if WRITE_FRAMEWORK else None,
                                 sources=[source] if WRITE_FRAMEWORK else ())
    return {"roles.yaml": roles, "progressions.yaml": moves,
            "ATTRIBUTION.txt": meta.attribution(result.release)}
