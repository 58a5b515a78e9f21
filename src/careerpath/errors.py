"""The one exception family: each error knows its exit code and its message."""

from __future__ import annotations

from typing import NamedTuple


class CareerPathError(Exception):
    """Anything a user can cause. The CLI prints `lines()` to stderr and exits."""

    exit_code = 1

    def lines(self) -> list[str]:
        return [f"error: {self}"]


class NoAnswer(CareerPathError):
    """The question is fine but has no answer (no path, nothing matched)."""

    exit_code = 1


class UsageError(CareerPathError):
    """The command line asks for something impossible (exit 2)."""

    exit_code = 2


class RoleLookupError(UsageError):
    """A role name on the command line matched none, or more than one, role."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class DatasetMissing(CareerPathError):
    """A dataset folder lacks one of its files (exit 3, like any invalid dataset)."""

    exit_code = 3

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        self.missing = missing  # (file or folder, what is wrong)
        super().__init__("; ".join(f"{where}: {message}" for where, message in missing))

    def lines(self) -> list[str]:
        return [f"error: {where}: {message}" for where, message in self.missing]

    def problems(self) -> list[Problem]:
        """As problems for JSON reports (line and column 0: about no line of a file)."""
        return [Problem(where, 0, 0, message) for where, message in self.missing]


class Problem(NamedTuple):
    """One located problem in a data file. Line and column are 1-based; column 0
    means the problem is about a whole line (an imported table's row)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        # One line whatever the data holds: an id with a newline in it must not
        # forge another `FILE:LINE:COL` line in the report. Line 0: the whole
        # file; column 0: the whole line (tab-separated imports).
        from careerpath.textsafe import escaped

        if not self.line:
            where = self.file
        elif not self.column:
            where = f"{self.file}:{self.line}"
        else:
            where = f"{self.file}:{self.line}:{self.column}"
        return escaped(f"{where}: {self.message}")


class DataError(CareerPathError):
    """The dataset is invalid: carries every problem found, in file order."""

    exit_code = 3

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class LintFailed(CareerPathError):
    """`lint` found problems in a valid dataset (exit 4); the problems are already printed.

    `summary` (None for machine-readable output) goes to stderr.
    """

    exit_code = 4

    def __init__(self, summary: str | None) -> None:
        super().__init__(summary or "lint found problems")
        self.summary = summary

    def lines(self) -> list[str]:
        return [self.summary] if self.summary else []
