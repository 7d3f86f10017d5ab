"""Scaffolding for new algorithms: what ``eigenvue new`` writes.

Two destinations, one template:

- :func:`new_in_repo` writes a built-in plugin folder,
  ``algorithms/<category>/<id>/``, and its test file under ``tests/algorithms/``;
- :func:`new_package` writes a standalone project, ``<dir>/eigenvue-<id>/``, whose
  ``pyproject.toml`` declares the ``eigenvue`` entry point, so ``pip install`` makes the
  algorithm visible at once.

The template (``templates/``) is a small real algorithm, finding the largest value of a
list, written on the plugin contract: metadata with named pseudocode lines (``[lines]``)
and phases declared by meaning (``[phases]``), inputs declared with the inputs kit
(``Bounded``, a ``Limit`` rule), a numpy implementation, a trace, a diagram composed of
a drawing part (``ArrayPart``) and tests holding the plugin's ``REFUSALS`` table. It runs,
draws and passes ``eigenvue check`` as generated, and a contributor replaces it piece by
piece. In the repository, ``tests/test_registry.py`` runs the shared checks (refusals,
missing keys, examples, frames, ``eigenvue check``) on it with no edit; a standalone
package's tests run the refusals and ``eigenvue check`` themselves. Nothing is ever overwritten: every path is checked before the first file is
written.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eigenvue.metadata import CATEGORIES, ID_PATTERN

#: Longer ids make module names and lines that no one wants to type.
MAX_ID_LENGTH = 60
DEFAULT_CATEGORY = "classical"

# Template file -> file name in the plugin folder.
PLUGIN_FILES = {
    "__init__.py.tmpl": "__init__.py",
    "meta.toml.tmpl": "meta.toml",
    "inputs.py.tmpl": "inputs.py",
    "maximum.py.tmpl": "maximum.py",
    "trace.py.tmpl": "trace.py",
    "frames.py.tmpl": "frames.py",
}
PACKAGE_FILES = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "gitignore.tmpl": ".gitignore",
}


class ScaffoldError(ValueError):
    """The algorithm cannot be created as asked (bad id or name, or a path that exists)."""


@dataclass(frozen=True)
class Names:
    """Every spelling of a new algorithm's name that the templates need.

    Attributes
    ----------
    id : str
        The algorithm id, with hyphens (``"bogo-sort"``).
    name : str
        The display name (``"Bogo Sort"``).
    category : str
        The catalogue category, with hyphens (``"deep-learning"``).
    folder : str
        The id as a Python identifier (``"bogo_sort"``).
    category_folder : str
        The category as a folder name (``"deep_learning"``).
    """

    id: str
    name: str
    category: str
    folder: str
    category_folder: str

    @property
    def distribution(self) -> str:
        """The pip distribution name of a standalone package (``"eigenvue-bogo-sort"``)."""
        return f"eigenvue-{self.id}"

    @property
    def package(self) -> str:
        """The module of a standalone package (``"eigenvue_bogo_sort"``)."""
        return f"eigenvue_{self.folder}"


def names_for(
    algorithm_id: str, category: str = DEFAULT_CATEGORY, name: str | None = None
) -> Names:
    """Check a new algorithm's id, category and name, and derive the other spellings.

    Raises
    ------
    ScaffoldError
        When the id is malformed, the category unknown or the name unusable.
    """
    if (
        not re.match(ID_PATTERN, algorithm_id)
        or not algorithm_id[0].isalpha()
        or len(algorithm_id) > MAX_ID_LENGTH
    ):
        raise ScaffoldError(
            f"{algorithm_id!r} is not a valid algorithm id: use lowercase letters, digits and "
            f"hyphens, starting with a letter, at most {MAX_ID_LENGTH} characters "
            "(for example 'bogo-sort')"
        )
    folder = algorithm_id.replace("-", "_")
    if keyword.iskeyword(folder) or not folder.isidentifier():
        raise ScaffoldError(f"{algorithm_id!r} cannot be a module name ({folder!r} is reserved)")
    category = category.replace("_", "-")
    if category not in CATEGORIES:
        raise ScaffoldError(f"unknown category {category!r}; categories: {', '.join(CATEGORIES)}")
    if name is None:
        name = " ".join(word.capitalize() for word in algorithm_id.split("-") if word)
    name = name.strip()
    if not name or any(c in name for c in '"\\') or not name.isprintable():
        raise ScaffoldError(
            f"{name!r} cannot be a display name: it must be one line of text without "
            "double quotes or backslashes"
        )
    return Names(algorithm_id, name, category, folder, category.replace("-", "_"))


def _render(template: str, values: dict[str, str]) -> str:
    text = (resources.files(__name__) / "templates" / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:  # a placeholder without a value is a bug in this module, not the user's
        raise RuntimeError(f"template {template} has an unfilled placeholder")
    return text


def _import_line(module: str, name: str) -> str:
    """``from module import name``, wrapped as ruff format wraps it when too long."""
    line = f"from {module} import {name}"
    return line if len(line) <= 100 else f"from {module} import (\n    {name},\n)"


#: Where the registry's tests run the shared checks, the generated tests say so.
REGISTRY_NOTE = """
The checks every algorithm shares (the REFUSALS table below, missing keys, the examples,
JSON, determinism, sampled frames, `eigenvue check`) run in tests/test_registry.py.
"""

#: A standalone package has no registry tests: its own tests run the shared checks it needs.
PACKAGE_TESTS = """

@pytest.mark.parametrize(("inputs", "name"), REFUSALS)
def test_meaningless_inputs_are_refused_naming_the_input(inputs, name):
    with pytest.raises(eigenvue.InputError) as info:
        eigenvue.steps(ID, inputs)
    assert info.value.input == name


def test_eigenvue_check_passes():
    # Metadata, the defaults and every example, trace invariants, frames in both themes.
    report = check([ID])
    assert report.ok, report.format()
"""


def _values(names: Names, module: str, test_imports: str, *, package: bool) -> dict[str, str]:
    from eigenvue import __version__

    return {
        "registry_note": "" if package else REGISTRY_NOTE,
        "package_tests": PACKAGE_TESTS if package else "",
        "id": names.id,
        "name": names.name,
        "category": names.category,
        "module": module,
        "package": names.package,
        "distribution": names.distribution,
        "eigenvue_requirement": f"eigenvue>={__version__}",
        "test_imports": test_imports,
    }


def _refuse_registered(algorithm_id: str) -> None:
    from eigenvue.plugins import get_registry

    algorithm = get_registry().algorithms.get(algorithm_id)
    if algorithm is not None:
        raise ScaffoldError(
            f"an algorithm with id {algorithm_id!r} exists already "
            f"(registered by plugin {algorithm.plugin!r}); choose another id"
        )


def _write_all(files: dict[Path, str]) -> list[Path]:
    """Write every file, creating folders; refuse before writing anything if one exists."""
    existing = [path for path in files if path.exists()]
    if existing:
        raise ScaffoldError(
            f"{existing[0]} exists already; eigenvue new never overwrites files "
            "(choose another id, or move it away)"
        )
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
            handle.write(text)
    return list(files)


def find_repo_root(start: Path | None = None) -> Path | None:
    """The eigenvue checkout containing ``start`` (default: the working directory), if any.

    A checkout is a folder holding ``pyproject.toml`` and the ``algorithms`` package.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "algorithms/__init__.py").is_file():
            return folder
    return None


def new_in_repo(
    algorithm_id: str,
    root: Path,
    *,
    category: str = DEFAULT_CATEGORY,
    name: str | None = None,
) -> list[Path]:
    """Create a built-in algorithm in the eigenvue checkout at ``root``.

    Writes ``algorithms/<category>/<id>/`` (``__init__.py``, ``meta.toml``,
    ``inputs.py``, ``maximum.py``, ``trace.py``, ``frames.py``) and
    ``tests/algorithms/<category>/test_<id>.py``, plus the category's
    ``__init__.py`` files when the category is new. The folder is found by its
    location: no other file needs an edit.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ScaffoldError
        For a malformed or registered id, or when any of the paths exists.
    """
    names = names_for(algorithm_id, category, name)
    _refuse_registered(names.id)
    root = Path(root)
    algorithms = root / "algorithms"
    taken = sorted(p for p in algorithms.glob(f"*/{names.folder}") if p.is_dir())
    if taken:
        raise ScaffoldError(
            f"{taken[0]} exists already; eigenvue new never overwrites files "
            "(an algorithm folder of that name in another category would claim the same id)"
        )
    module = f"algorithms.{names.category_folder}.{names.folder}"
    test_imports = "\n".join(
        [
            "import numpy as np",
            "import pytest",
            "",
            "import eigenvue",
            _import_line(f"{module}.maximum", "running_maximum"),
        ]
    )
    values = _values(names, module, test_imports, package=False)
    plugin = algorithms / names.category_folder / names.folder
    files = {plugin / out: _render(f"plugin/{tmpl}", values) for tmpl, out in PLUGIN_FILES.items()}
    tests = root / "tests" / "algorithms" / names.category_folder
    files[tests / f"test_{names.folder}.py"] = _render("test_algorithm.py.tmpl", values)
    category_init = algorithms / names.category_folder / "__init__.py"
    if not category_init.exists():
        files[category_init] = f'"""Built-in algorithms of the {names.category} category."""\n'
    tests_init = tests / "__init__.py"
    if (tests.parent / "__init__.py").exists() and not tests_init.exists():
        files[tests_init] = ""
    return _write_all(files)


def new_package(
    algorithm_id: str,
    directory: Path,
    *,
    category: str = DEFAULT_CATEGORY,
    name: str | None = None,
) -> list[Path]:
    """Create a standalone plugin package ``<directory>/eigenvue-<id>/``.

    The project holds ``pyproject.toml`` (hatchling; the ``eigenvue`` entry point
    naming the module), the module ``eigenvue_<id>/`` with the plugin files, a
    README and ``tests/``. ``pip install`` it and the algorithm is everywhere.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ScaffoldError
        For a malformed or registered id, or when the project folder exists.
    """
    names = names_for(algorithm_id, category, name)
    _refuse_registered(names.id)
    project = Path(directory) / names.distribution
    if project.exists():
        raise ScaffoldError(f"{project} exists already; eigenvue new never overwrites files")
    test_imports = "\n".join(
        [
            "import numpy as np",
            "import pytest",
            "",
            "import eigenvue",
            "from eigenvue.checks import check",
            "",
            _import_line(f"{names.package}.maximum", "running_maximum"),
        ]
    )
    values = _values(names, names.package, test_imports, package=True)
    files = {
        project / out: _render(f"package/{tmpl}", values) for tmpl, out in PACKAGE_FILES.items()
    }
    module = project / names.package
    files.update(
        {module / out: _render(f"plugin/{tmpl}", values) for tmpl, out in PLUGIN_FILES.items()}
    )
    files[project / "tests" / f"test_{names.folder}.py"] = _render("test_algorithm.py.tmpl", values)
    return _write_all(files)
