"""Plan file → :class:`~gongwen.plan.model.Plan`, with every error pointing at file:line:column.

Keys are normalised through :mod:`gongwen.plan.glossary` before pydantic sees them, so a plan may mix
English and Chinese keys and an unknown key gets a did-you-mean.
"""
from __future__ import annotations

import difflib
import math
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..chinese import em_width
from ..errors import Location, PlanError, PlanWarning, warn
from ..i18n import _, language, validation_message
from ..profile import load_profile, profile_names
from ..rules import RULES, numbering
from . import glossary, kinds, templating
from .body import BodyError, Heading, number_text
from .elements import Attachment, require_under
from .model import Article, IssuedDocument, Plan
from .source import Path_, Positions, forbidden_character, parse_yaml, read_text

Model = TypeVar("Model", bound=BaseModel)


def load_plan(path: str | Path, *, root: Path | None = None, allow_outside: bool = False,
              facts: dict[str, Any] | None = None) -> Plan:
    """Read and validate a plan file.  Files it names (seal, tables, scans, a profile) must lie
    under ``root`` (default: the plan's folder) unless ``allow_outside``.  With ``facts`` (a
    campaign's), its text fields are templates filled from them (:mod:`gongwen.plan.templating`)."""
    path = Path(path)
    text = read_text(path)
    data, positions = parse_yaml(text, path)
    return plan_from_data(data, positions, base_dir=path.parent, root=root, allow_outside=allow_outside,
                          facts=facts)


def plan_from_data(data: Any, positions: Positions | None = None, base_dir: Path | None = None, *,
                   root: Path | None = None, allow_outside: bool = False,
                   facts: dict[str, Any] | None = None) -> Plan:
    """Validate already-parsed plan data (a dict with English or Chinese keys).  Relative paths
    are taken from ``base_dir``; files must lie under ``root`` (default: ``base_dir``, else the
    working folder) unless ``allow_outside``."""
    positions = positions or Positions(None, [])
    root = root or base_dir or Path.cwd()
    if not isinstance(data, dict):
        raise positions.error(_("a plan is a mapping of keys such as 标题, 正文 (title, body)"), ())
    context = {"base_dir": base_dir, "root": root, "allow_outside": allow_outside}
    plan = validated(data, positions, Plan, context, facts)
    _check_names(plan, positions, base_dir, root, allow_outside)
    _check_title(plan, positions, base_dir)
    _check_bodies(plan, positions)       # first: a kind's own checks read the parsed bodies
    _check_consistency(plan, positions)
    return plan


def validated(data: dict, positions: Positions, model: type[Model], context: dict[str, Any],
              facts: dict[str, Any] | None = None) -> Model:
    """``data`` (English or Chinese keys) as a ``model``, every error at its file:line:column;
    with ``facts``, text fields filled from them first."""
    renames: dict[Path_, Path_] = {}
    data = _normalise(data, model, (), (), positions, renames)
    positions.written.update({new: old for old, new in renames.items()})
    _rekey(positions, renames)
    _check_characters(data, (), positions, model)
    if facts is not None:
        data = _filled(data, (), positions, facts, model)
    else:
        _warn_of_tags(data, (), positions)
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise _plan_error(exc, positions, model) from None


def _filled(value: Any, path: Path_, positions: Positions, facts: dict[str, Any], root: type[BaseModel]) -> Any:
    """Every text with template tags rendered from the facts; an unknown name or a broken tag
    is an error at the line it is on."""
    if isinstance(value, dict):
        return {key: _filled(item, path + (key,), positions, facts, root) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, path + (i,), positions, facts, root) for i, item in enumerate(value)]
    if not (isinstance(value, str) and templating.has_tags(value)):
        return value
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, UndefinedError

    try:
        return templating.fill(value, facts)
    except TemplateNotFound as exc:
        raise positions.error(_("a template cannot read files: {name}").format(name=exc.name), path,
                              _field_name(path, root)) from None
    except UndefinedError as exc:
        known = "、".join(k for k in facts if not k.isascii())
        raise positions.error(_("unknown campaign fact: {reason}").format(reason=exc.message), path,
                              _field_name(path, root), hint=_("facts: {known}").format(known=known)) from None
    except JinjaError as exc:
        start = positions.locate(path)
        line = getattr(exc, "lineno", None)
        if line and start.line:
            start = type(start)(start.file, start.line + (1 if path in positions.block_scalars else 0) + line - 1, None)
        raise PlanError(_("template error: {reason}").format(reason=exc.message or exc), start, _field_name(path, root),
                        source_line=positions.source_line(start)) from None
    except templating.TemplateLimit as exc:
        raise positions.error(_("template error: {reason}").format(reason=exc), path, _field_name(path, root),
                              hint=_("a template fills a document's text; it is no program")) from None
    except RecursionError:
        raise positions.error(_("template error: {reason}").format(reason=_("a macro calls itself without end")),
                              path, _field_name(path, root)) from None
    except (TypeError, ValueError, OverflowError) as exc:    # a filter given what it cannot present
        raise positions.error(_("template error: {reason}").format(reason=exc), path, _field_name(path, root)) from None


def _warn_of_tags(value: Any, path: Path_, positions: Positions) -> bool:
    """Text read without campaign facts is printed as it is; when it holds {{ }} tags, say that a
    campaign would fill them (once per plan).  True when it warned."""
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        return any(_warn_of_tags(item, path + (key,), positions) for key, item in items)
    if isinstance(value, str) and templating.has_tags(value):
        warn(PlanWarning(_("{where}: the text holds campaign tags ({{{{ … }}}}), printed as they are; render "
                           "the campaign file that lists this plan to fill them").format(
            where=positions.locate(path))), stacklevel=4)
        return True
    return False


def _normalise(data: dict, model: type[BaseModel], old: Path_, new: Path_,
               positions: Positions, renames: dict[Path_, Path_]) -> dict:
    accepted = glossary.keys(model.__name__)
    out: dict[str, Any] = {}
    for key, value in data.items():
        field = accepted.get(key)
        if field is None and key.strip(" \u3000\t") != key:
            raise positions.error(_("a full-width space (　) in the indentation"), old + (key,),
                                  hint=_("indent with ordinary half-width spaces"), key=True)
        if field is None:
            close = _closest(key, list(accepted))
            hint = _("did you mean {key}?").format(key="、".join(close)) if close else _(
                "known keys: {keys}").format(keys="、".join(k for k in accepted if k not in accepted.values()))
            raise positions.error(_("unknown key {key!r}").format(key=key), old + (key,), hint=hint, key=True)
        if field in out:
            raise positions.error(_("{key!r} repeats {field!r}").format(key=key, field=field), old + (key,), key=True)
        renames[old + (key,)] = new + (field,)
        nested = _nested_model(model.model_fields[field].annotation)
        if nested and isinstance(value, dict):
            value = _normalise(value, nested, old + (key,), new + (field,), positions, renames)
        elif nested and isinstance(value, list):
            value = [
                _normalise(item, nested, old + (key, i), new + (field, i), positions, renames)
                if isinstance(item, dict) else item
                for i, item in enumerate(value)
            ]
        out[field] = value
    return out


def _closest(key: str, known: list[str]) -> list[str]:
    """The known key nearest to a mistyped one: fewest characters changed (超送 → 抄送, not 送),
    the same length first; none when more than half of it would change."""
    def distance(a: str, b: str) -> int:
        row = list(range(len(b) + 1))
        for i, x in enumerate(a, 1):
            row, previous = [i], row
            for j, y in enumerate(b, 1):
                row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y)))
        return row[-1]

    scored = sorted((distance(key.lower(), k.lower()), abs(len(k) - len(key)), k) for k in known)
    if not scored or scored[0][0] > max(1, len(key) // 2):
        return []
    return [k for d, gap, k in scored if (d, gap) == scored[0][:2]][:3]    # ties all said: 超送 → 抄送、主送


def _check_characters(value: Any, path: Path_, positions: Positions, root: type[BaseModel] = Plan) -> None:
    """Every text of the plan, from a file or from a caller, holds only characters a document
    may hold (no control characters, lone surrogates or U+FFFE/U+FFFF)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_characters(item, path + (key,), positions, root)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_characters(item, path + (index,), positions, root)
    elif isinstance(value, str):
        bad = forbidden_character(value)
        if bad:
            raise positions.error(_("control character U+{code:04X} is not allowed in a document").format(
                code=ord(bad)), path, _field_name(path, root), hint=_("remove it from the text"))


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[Attachment]`` or ``Signature | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found:
            return found
    return None


def _rekey(positions: Positions, renames: dict[Path_, Path_]) -> None:
    def translate(path: Path_) -> Path_:
        for cut in range(len(path), 0, -1):
            if path[:cut] in renames:
                return renames[path[:cut]] + path[cut:]
        return path

    positions.keys = {translate(p): v for p, v in positions.keys.items()}
    positions.values = {translate(p): v for p, v in positions.values.items()}
    positions.block_scalars = {translate(p) for p in positions.block_scalars}


def _plan_error(exc: ValidationError, positions: Positions, root: type[BaseModel] = Plan) -> PlanError:
    errors = exc.errors(include_url=False)
    if positions.file is None and not positions.lines:
        # a plan given as data has no lines to point at: every problem at once, by its key path
        problems = [PlanError(validation_message(e), Location(key=positions.key_path(tuple(e["loc"])) or None),
                              _field_name(tuple(e["loc"]), root)) for e in errors]
        failure = PlanError("\n".join(map(str, problems)), None, problems[0].field)
        failure.problems = problems
        return failure
    error = errors[0]
    loc = tuple(error["loc"])
    message = validation_message(error)
    more = exc.error_count() - 1
    hint = _("({count} more problems after this one)").format(count=more) if more else None
    return positions.error(message, loc, _field_name(loc, root), hint, key=error["type"] == "missing")


def _field_name(loc: tuple, root: type[BaseModel] = Plan) -> str | None:
    """The element's name in the user's language for the deepest model field in ``loc``."""
    model: type[BaseModel] | None = root
    name = None
    for part in loc:
        if model is None or not isinstance(part, str) or part not in model.model_fields:
            continue
        term = glossary.term(model.__name__, part)
        if term:
            name = term.element if language() != "en" else part
        model = _nested_model(model.model_fields[part].annotation)
    return name


def _check_names(plan: Plan, positions: Positions, base_dir: Path | None, root: Path, allow_outside: bool) -> None:
    """The profile a plan names: a bundled one, or a file under the root."""
    if plan.profile and plan.profile.endswith((".yaml", ".yml")):
        path = Path(plan.profile) if base_dir is None else base_dir / plan.profile
        try:
            if not allow_outside:
                require_under(path, root)
                # what the profile extends and the template it names: under the root as well
                template = load_profile(plan.profile, base_dir, root=root).template_file
                if template is not None:
                    require_under(template, root)
        except ValueError as exc:
            raise positions.error(str(exc), ("profile",), _field_name(("profile",))) from None
    elif plan.profile and plan.profile not in profile_names():
        close = difflib.get_close_matches(plan.profile, profile_names(), n=1, cutoff=0.4)
        hint = _("did you mean {key}?").format(key=close[0]) if close else None
        raise positions.error(_("unknown profile {name!r}").format(name=plan.profile), ("profile",),
                              _field_name(("profile",)), hint)


def _check_title(plan: Plan, positions: Positions, base_dir: Path | None) -> None:
    """A title that cannot fit the profile's lines is refused here, where its line is known."""
    profile = load_profile(plan.profile, base_dir)
    max_width = profile.page.text_width_mm * 72 / 25.4 / profile.title.size_pt
    needed = len(plan.title_lines) if plan.title_lines else math.ceil(em_width(plan.title_text) / max_width)
    if needed > profile.title.max_lines:
        raise positions.error(profile.title.too_long(needed), ("title",),
                              _field_name(("title",)))


def _check_consistency(plan: Plan, positions: Positions) -> None:
    """What each field allows alone but the document does not allow together."""
    if plan.printed_on and plan.signature and plan.printed_on < plan.signature.date:
        raise positions.error(_("the 印发日期 {printed} is before the 成文日期 {signed}").format(
            printed=plan.printed_on, signed=plan.signature.date), ("printed_on",), _field_name(("printed_on",)),
            hint=_("a document is printed on or after the day it is signed"))
    kind = kinds.get(plan.kind)
    for field in kind.required:
        if field == "signature" and not plan.signature:
            raise positions.error(_("a {kind} needs its 成文日期 (GB/T 9704-2012 §7.3.5)").format(kind=kind.zh),
                                  ("kind",), _field_name((field,)), hint=_("write 落款: {日期: 2026-11-24}"), key=True)
        if not getattr(plan, field):
            raise positions.error(_("a {kind} needs {element}").format(kind=kind.zh, element=_field_name((field,))),
                                  ("kind",), _field_name((field,)), key=True)
    for other in kinds.KINDS.values():
        for field in other.own if other is not kind else ():
            if _given(plan, field) and field not in kind.own:
                raise positions.error(_("{element} belongs to a {owner}; this plan is a {kind}").format(
                    element=_field_name((field,)), owner=other.zh, kind=kind.zh), (field,), _field_name((field,)),
                    hint=_("write 文种: {owner}, or leave the field out").format(owner=other.zh), key=True)
    for field in kind.refused:
        path = tuple(field.split("."))
        if _given(plan, field):
            raise positions.error(_("a {kind} has no {element}").format(kind=kind.zh, element=_field_name(path)),
                                  path, _field_name(path), key=True)
    for first, second in kind.exclusive:
        if _given(plan, first) and _given(plan, second):
            raise positions.error(_("a {kind} prints {first} or {second}, not both").format(
                kind=kind.zh, first=_field_name((first,)), second=_field_name((second,))), (second,),
                _field_name((second,)), key=True)
    for field in kind.single:
        if len(getattr(plan, field)) > 1:
            raise positions.error(_("a {kind} prints one {element}; this plan gives {n}").format(
                kind=kind.zh, element=_field_name((field,)), n=len(getattr(plan, field))), (field, 1),
                _field_name((field,)))
    if plan.signature and not plan.signature_names:
        raise positions.error(_("the 落款 needs a 署名: give 署名 under 落款, or 发文机关"), ("signature",),
                              _field_name(("signature",)), key=True)
    for message in kind.check(plan) if kind.check else ():
        warn(PlanWarning(f"{positions.locate(('kind',))}: {message}"), stacklevel=3)
    if kind.upward or kind.name == "notice":
        title = plan.title_text.rstrip()
        own = [k.zh for k in kinds.KINDS.values() if kind.zh.endswith(k.zh)]     # 年度工作报告 ends in 报告
        others = [k.zh for k in kinds.KINDS.values() if k.zh not in own and title.endswith(k.zh)]
        if not title.endswith(tuple(own)) and others:
            location = positions.locate(("title",))
            warn(PlanWarning(_("{where}: the title ends in {found} but the document is a {kind}").format(
                where=location, found=others[0], kind=kind.zh)), stacklevel=3)


def _given(plan: Plan, field: str) -> bool:
    """Whether the plan gives ``field`` (``signature.names`` for a field of a field): written in
    the plan, and not empty."""
    owner: Any = plan
    for name in field.split("."):
        if owner is None or name not in owner.model_fields_set:
            return False
        owner = getattr(owner, name)
    return bool(owner)


def _check_bodies(plan: Plan, positions: Positions) -> None:
    """Parse the body texts now, so a malformed line is reported with its own line number."""
    texts: list[tuple[Path_, Plan | Article | Attachment | IssuedDocument]] = [(("body",), plan)]
    if plan.issued:
        texts.append((("issued", "body"), plan.issued))
    texts += [(("articles", i, "body"), a) for i, a in enumerate(plan.articles)]
    texts += [(("attachments", i, "content"), a) for i, a in enumerate(plan.attachments) if a.content]
    for path, owner in texts:
        try:
            owner.blocks
        except BodyError as exc:
            start = positions.locate(path)
            offset = 1 if path in positions.block_scalars else 0
            line = (start.line or 1) + offset + exc.line
            location = type(start)(start.file, line, None)
            raise PlanError(exc.message, location, _field_name(path), source_line=positions.source_line(location))
        _warn_of_numbering(owner, path, positions)


def _warn_of_numbering(owner: Plan | Article | Attachment | IssuedDocument, path: Path_, positions: Positions) -> None:
    """The numbering rules a reviewer applies to the printed document, applied to the typed
    headings already (a warning: the drafter may mean it)."""
    headings = [block for block in owner.blocks if isinstance(block, Heading)]
    text = owner.body if not isinstance(owner, Attachment) else owner.content
    lines = (text or "").splitlines()
    start = positions.locate(path)
    offset = 1 if path in positions.block_scalars else 0
    for wrong in numbering((h.level - 1, h.value) for h in headings):
        heading = headings[wrong.position]
        line = next((i for i, raw in enumerate(lines) if heading.title in raw), 0)
        where = type(start)(start.file, (start.line or 1) + offset + line, None)
        warn(PlanWarning(_("{where}: [{id}] {message}: “{heading}”, expected {expected}").format(
            where=where, id=wrong.id, message=_(RULES[wrong.id].summary), heading=heading.number + heading.title,
            expected=number_text(heading.level, wrong.expected) if wrong.id == "numbering.sequence"
            else _("a level {n} heading first").format(n=wrong.expected))), stacklevel=4)
