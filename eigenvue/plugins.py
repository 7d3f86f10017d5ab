"""The plugin manager and the registry of algorithms built from it.

Plugins are loaded lazily, once: the built-in algorithm folders under the
``algorithms`` package, then every module named in the ``eigenvue``
entry-point group of an installed distribution. A plugin that fails to load
or to register is reported (a warning, and in ``eigenvue plugins`` /
``eigenvue check``) and the others keep working.

Environment variables
---------------------
``EIGENVUE_LOAD_PLUGINS``
    Comma-separated names of the third-party plugins (entry-point names or
    distribution names, e.g. ``bogo-sort`` or ``eigenvue-bogo-sort``) to load;
    the empty string loads none. Unset: all. Built-in algorithms always load.
    The plugins left out are listed by :func:`skipped_plugins`.
``EIGENVUE_TRACE_PLUGINS``
    Set to ``1`` to print to stderr each plugin as it loads, every hook call
    with the plugin it calls and its result, and what each plugin registered.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import traceback
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from eigenvue import hookspecs
from eigenvue.errors import PluginError

if TYPE_CHECKING:
    from pluggy import HookImpl, Result

    from eigenvue.algorithm import Algorithm

BUILTIN_PACKAGE = "algorithms"
ENTRY_POINT_GROUP = "eigenvue"


class PluginWarning(UserWarning):
    """A plugin could not be loaded or registered something invalid."""


@dataclass
class PluginInfo:
    """What is known about one plugin: where it came from and what it registered."""

    name: str
    distribution: str | None = None
    version: str | None = None
    algorithms: list[str] = field(default_factory=list)
    error: str | None = None
    builtin: bool = False


_pm: pluggy.PluginManager | None = None
_load_errors: dict[str, PluginInfo] = {}
_sources: dict[str, PluginInfo] = {}
_skipped: list[PluginInfo] = []


def skipped_plugins() -> list[PluginInfo]:
    """The installed third-party plugins that ``EIGENVUE_LOAD_PLUGINS`` left out."""
    get_plugin_manager()
    return list(_skipped)


def _tracing() -> bool:
    return os.environ.get("EIGENVUE_TRACE_PLUGINS", "") not in ("", "0")


def _trace(message: str) -> None:
    if _tracing():
        print(f"eigenvue: {message}", file=sys.stderr)


def _trace_hook_calls(pm: pluggy.PluginManager) -> None:
    """Print every hook call, the plugins it calls and its outcome (``EIGENVUE_TRACE_PLUGINS``)."""

    def before(hook_name: str, hook_impls: Sequence[HookImpl], kwargs: Mapping[str, Any]) -> None:
        names = ", ".join(repr(impl.plugin_name) for impl in hook_impls) or "no plugin"
        _trace(f"call {hook_name} on {names}")

    def after(
        outcome: Result[Any],
        hook_name: str,
        hook_impls: Sequence[HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        names = ", ".join(repr(impl.plugin_name) for impl in hook_impls) or "no plugin"
        if outcome.exception is not None:
            _trace(f"{hook_name} on {names} raised {_reason(outcome.exception)}")
        else:
            _trace(f"{hook_name} on {names} returned {outcome.get_result()!r}")

    pm.add_hookcall_monitoring(before, after)


def _builtin_modules() -> Iterator[str]:
    """Module names of the built-in algorithm folders: ``algorithms/<category>/<id>/``."""
    package = importlib.import_module(BUILTIN_PACKAGE)
    for root in package.__path__:
        for init in sorted(Path(root).glob("*/*/__init__.py")):
            category, folder = init.parent.parent.name, init.parent.name
            if not (category.startswith("_") or folder.startswith("_")):
                yield f"{BUILTIN_PACKAGE}.{category}.{folder}"


def _report(info: PluginInfo) -> None:
    warnings.warn(
        f"eigenvue plugin {info.name!r} was not loaded: {info.error}",
        PluginWarning,
        stacklevel=3,
    )


_MACHINERY = ("/pydantic/", "/pluggy/", "/importlib/", "<frozen ")


def _reason(exc: BaseException) -> str:
    """The exception in one line, with the last place in the plugin's own code it passed."""
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if not any(part in f.filename for part in _MACHINERY)
    ]
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    errors = getattr(exc, "errors", None)
    if callable(errors) and type(exc).__name__ == "ValidationError":
        # pydantic's multi-line report, folded into one line per broken field.
        details = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'metadata'}: {e['msg']}" for e in errors()
        )
        return f"invalid {getattr(exc, 'title', 'data')}: {details}{where}"
    return f"{type(exc).__name__}: {exc}{where}"


def _normalized(name: str) -> str:
    # Distribution names compare as pip compares them: Eigenvue_Bogo.Sort is eigenvue-bogo-sort.
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def _wanted(name: str, distribution: str | None) -> bool:
    allowed = os.environ.get("EIGENVUE_LOAD_PLUGINS")
    if allowed is None:
        return True
    names = {_normalized(n) for n in allowed.split(",") if n.strip()}
    return _normalized(name) in names or (
        distribution is not None and _normalized(distribution) in names
    )


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, loading every plugin on first call."""
    global _pm
    if _pm is not None:
        return _pm
    pm = pluggy.PluginManager("eigenvue")
    pm.add_hookspecs(hookspecs)
    if _tracing():
        _trace_hook_calls(pm)

    for name in _builtin_modules():
        _load(pm, name, lambda n=name: importlib.import_module(n), PluginInfo(name, builtin=True))

    for entry_point in importlib_metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(entry_point, "dist", None)
        info = PluginInfo(
            entry_point.name,
            distribution=dist.name if dist else None,
            version=dist.version if dist else None,
        )
        if _wanted(entry_point.name, info.distribution):
            _load(pm, entry_point.name, entry_point.load, info)
        else:
            _trace(f"skip plugin {entry_point.name!r}: not named in EIGENVUE_LOAD_PLUGINS")
            _skipped.append(info)
    _pm = pm
    return pm


def _load(pm: pluggy.PluginManager, name: str, loader: Any, info: PluginInfo) -> None:
    source = "built-in" if info.builtin else f"{info.distribution} {info.version}"
    _trace(f"load plugin {name!r} ({source})")
    try:
        plugin = loader()
        pm.register(plugin, name=name)
    except Exception as exc:  # a broken plugin must not take the others down
        info.error = _reason(exc)
        _load_errors[name] = info
        _report(info)
        return
    _sources[name] = info


@dataclass
class Registry:
    """The algorithms registered by the loaded plugins, and what each plugin did."""

    algorithms: dict[str, Algorithm]
    plugins: list[PluginInfo]


_registry: Registry | None = None
_registry_key: tuple[int, ...] = ()
_building = False


def get_registry() -> Registry:
    """The registry, rebuilt only when the set of registered plugins changed.

    When two plugins register the same algorithm id, the first keeps it and the
    second is reported (a :class:`PluginWarning` naming both, and an error in
    its :class:`PluginInfo`).
    """
    global _registry, _registry_key, _building
    pm = get_plugin_manager()
    key = tuple(sorted(id(p) for p in pm.get_plugins()))
    if _registry is not None and key == _registry_key:
        return _registry
    if _building:
        raise PluginError("a plugin looked up the registry while registering its algorithms")
    _building = True
    try:
        _registry = _build_registry(pm)
    finally:
        _building = False
    _registry_key = key
    return _registry


def _build_registry(pm: pluggy.PluginManager) -> Registry:
    from eigenvue.algorithm import Algorithm

    algorithms: dict[str, Algorithm] = {}
    owners: dict[str, str] = {}
    infos: list[PluginInfo] = []
    for plugin_name, plugin in pm.list_name_plugin():
        info = _sources.get(plugin_name) or PluginInfo(plugin_name)
        info = PluginInfo(info.name, info.distribution, info.version, [], None, info.builtin)
        infos.append(info)
        collected: list[Any] = []
        others = [p for p in pm.get_plugins() if p is not plugin]
        # One plugin at a time, so a failure or a duplicate is pinned on its author.
        caller = pm.subset_hook_caller("register_algorithms", remove_plugins=others)
        try:
            caller(register=collected.append)
            for algorithm in collected:
                if not isinstance(algorithm, Algorithm):
                    raise TypeError(
                        f"register() takes eigenvue.Algorithm objects, got {type(algorithm).__name__}"
                    )
        except Exception as exc:
            info.error = _reason(exc)
            _report(info)
            continue
        for algorithm in collected:
            if algorithm.id in algorithms:
                # The first registration (built-ins load first) keeps the id; the clash is an
                # error of the later plugin, named with both, and every other algorithm works.
                info.error = (
                    f"algorithm id {algorithm.id!r} is registered by two plugins: "
                    f"{owners[algorithm.id]!r} and {plugin_name!r}; the second was rejected"
                )
                _report(info)
                continue
            object.__setattr__(algorithm, "plugin", plugin_name)
            algorithms[algorithm.id] = algorithm
            owners[algorithm.id] = plugin_name
            info.algorithms.append(algorithm.id)
        _trace(f"plugin {plugin_name!r} registered {', '.join(info.algorithms) or 'nothing'}")
    infos.extend(_load_errors.values())
    return Registry(algorithms, infos)
