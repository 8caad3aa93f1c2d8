"""The jinja2 sandbox, for wording that is more than plain figure references
({% if %}, expressions, unknown names). govreport.wording loads this module only when some
text needs it.
"""
from __future__ import annotations

from functools import lru_cache

from jinja2 import TemplateError, Undefined, meta, nodes  # noqa: F401 - TemplateError re-exported
from jinja2.sandbox import SandboxedEnvironment

from govreport import wording
from govreport.model.findings import ERROR, Finding


class GapUndefined(Undefined):
    """A name that is no indicator: rendered as a gap and reported as an error."""
    __slots__ = ()

    def __str__(self) -> str:
        name = self._undefined_name or "?"
        log = wording._current_log()
        if log is not None:
            log.findings.append(Finding(
                ERROR, "unknown-reference", f"文中引用了不存在的数据项“{name}”",
                section=log.section, block=log.block, quote=name,
                suggestion="从“插入数据”列表中选择数据项，或删除这处引用"))
        return wording.gap(name)

    __html__ = __str__


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=GapUndefined, autoescape=False,
                               keep_trailing_newline=False)
    env.filters.update(wording.FILTERS)
    return env


@lru_cache(maxsize=4096)
def compile_template(source: str):
    return environment().from_string(source)


def undeclared_names(source: str) -> set[str]:
    return set(meta.find_undeclared_variables(environment().parse(source)))


def loaded_names(source: str) -> list[str]:
    """Names read, in order of appearance."""
    return [n.name for n in environment().parse(source).find_all(nodes.Name) if n.ctx == "load"]
