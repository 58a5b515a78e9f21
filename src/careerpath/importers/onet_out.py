"""The files of a dataset imported from O*NET: the YAML, with its attribution."""

from __future__ import annotations

from dataclasses import replace

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
    cited = (source["id"] or "",)
    # Every role and move cites the release (`careerpath lint` asks as much of a
    # dataset that lists sources); how a move's kind follows from Job Zones is
    # the documented mapping.
    roles_cited = [replace(role, source=cited) for role in result.roles] if WRITE_FRAMEWORK \
        else result.roles
    moves_cited = [replace(move, source=cited) for move in result.progressions] if WRITE_FRAMEWORK \
        else result.progressions
    roles, moves = dataset_texts(roles_cited, moves_cited, header=header,
                                 framework=framework if WRITE_FRAMEWORK else None,
                                 sources=[source] if WRITE_FRAMEWORK else ())
    return {"roles.yaml": roles, "progressions.yaml": moves,
            "ATTRIBUTION.txt": meta.attribution(result.release)}
