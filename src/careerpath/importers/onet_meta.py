"""Facts about the O*NET database that the import needs: files, SOC groups, attribution."""

from __future__ import annotations

import re
from pathlib import Path

CODE = "O*NET-SOC Code"

# file -> (columns the import needs, required file?)
FILES: dict[str, tuple[tuple[str, ...], bool]] = {
    "Occupation Data.txt": ((CODE, "Title", "Description"), True),
    "Job Zones.txt": ((CODE, "Job Zone"), True),
    "Skills.txt": ((CODE, "Element ID", "Element Name", "Scale ID", "Data Value"), False),
    "Task Statements.txt": ((CODE, "Task ID", "Task"), False),
    "Related Occupations.txt": ((CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
                                False),
    "Alternate Titles.txt": ((CODE, "Alternate Title"), False),
}

TIERS = ("Primary-Short", "Primary-Long", "Supplemental")
DEFAULT_TIERS = ("Primary-Short", "Primary-Long")

# The 23 major groups of the 2018 Standard Occupational Classification, by the
# first two digits of an O*NET-SOC code: an imported role's `track`.
SOC_MAJOR_GROUPS = {
    "11": "Management",
    "13": "Business and Financial Operations",
    "15": "Computer and Mathematical",
    "17": "Architecture and Engineering",
    "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service",
    "23": "Legal",
    "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media",
    "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support",
    "33": "Protective Service",
    "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance",
    "39": "Personal Care and Service",
    "41": "Sales and Related",
    "43": "Office and Administrative Support",
    "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction",
    "49": "Installation, Maintenance, and Repair",
    "51": "Production",
    "53": "Transportation and Material Moving",
    "55": "Military Specific",
}

CODE_PATTERN = re.compile(r"\d\d-\d\d\d\d\.\d\d\Z")
_RELEASE_IN_NAME = re.compile(r"db_(\d+)_(\d+)", re.IGNORECASE)
_RELEASE = re.compile(r"\d+(\.\d+)?\Z")

PUBLISHER = ("National Center for O*NET Development, for the U.S. Department of Labor, "
             "Employment and Training Administration (USDOL/ETA)")
LICENSE = "CC BY 4.0"
URL = "https://www.onetcenter.org/database.html"
PROFICIENCY = ("Proficiency is derived from O*NET's Level ratings of each skill (LV, 0 to 7) "
               "as 1 + 4 × LV / 7, rounded half up; a skill is listed when its Importance "
               "(IM, 1 to 5) is at least {min_importance}.")


def release_of(folder: Path, given: str | None) -> str | None:
    """The release number: as given, else from an O*NET folder name like `db_30_1_text`."""
    if given is not None:
        return given
    found = _RELEASE_IN_NAME.search(folder.resolve().name)
    return f"{found.group(1)}.{found.group(2)}" if found else None


def valid_release(text: str) -> bool:
    return bool(_RELEASE.match(text))


def source_entry(release: str | None) -> dict[str, str | None]:
    name = f"O*NET {release} Database" if release else "O*NET Database"
    ident = "onet-" + release.replace(".", "-") if release else "onet"
    return {"id": ident, "title": name, "kind": "database", "publisher": PUBLISHER,
            "license": LICENSE, "url": URL}


def attribution(release: str | None) -> str:
    """The notice the licence asks of whoever shares the imported data."""
    name = f"O*NET {release} Database" if release else "O*NET Database"
    return (
        f"This dataset includes information from the {name} by the U.S. Department of Labor,\n"
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.\n"
        "O*NET(R) is a trademark of USDOL/ETA. careerpath has modified all or some of this\n"
        "information (see the mapping in careerpath's README). USDOL/ETA has not approved,\n"
        "endorsed, or tested these modifications.\n"
        f"Source: {URL}\n"
    )
