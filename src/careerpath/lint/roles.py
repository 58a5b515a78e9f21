"""Rules about single roles and the names and skills across them."""

from __future__ import annotations

from collections.abc import Iterator

from careerpath.lint.base import Context, Finding
from careerpath.lint.moves import skill_key

CORE_LEVEL = 3  # a general role's skills at "working" or above are its core

# Common terms of the fields careerpath datasets cover; a dataset adds its own
# in careerpath.lint.yaml (`field-terms`).
FIELD_TERMS = {
    "sem": "search engine marketing", "seo": "search engine optimisation",
    "ppc": "pay-per-click advertising", "crm": "customer relationship management",
    "cro": "conversion rate optimisation", "kpi": "key performance indicator",
    "roi": "return on investment", "sku": "stock keeping unit", "aov": "average order value",
    "ctr": "click-through rate", "cpc": "cost per click", "cpa": "cost per acquisition",
    "ltv": "lifetime value", "clv": "customer lifetime value", "ux": "user experience",
    "ui": "user interface", "b2b": "business to business", "b2c": "business to consumer",
    "d2c": "direct to consumer", "pim": "product information management",
    "dam": "digital asset management", "erp": "enterprise resource planning",
    "cms": "content management system", "api": "application programming interface",
    "ai": "artificial intelligence", "ar": "augmented reality", "pr": "public relations",
    "hr": "human resources", "qa": "quality assurance", "it": "information technology",
}
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "&"}


def specialization_core_skills(ctx: Context) -> Iterator[Finding]:
    roles = ctx.dataset.roles
    for role in roles.values():
        general = roles.get(role.specialization_of or "")
        if general is None:
            continue
        held = {skill_key(name) for name in role.skills}
        missing = [f"{name} ({level})" for name, level in general.skills.items()
                   if level >= CORE_LEVEL and skill_key(name) not in held]
        if missing:
            yield Finding(ctx.where.role(role.id, "specialization_of"),
                          f"{role.id} is a kind of {general.id} but lacks its core "
                          f"skill{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")


def _missing(ctx: Context, key: str, what: str) -> Iterator[Finding]:
    for role in ctx.dataset.roles.values():
        if not getattr(role, key):
            yield Finding(ctx.where.role(role.id), f"role {role.id} has no {what}")


def no_skills(ctx: Context) -> Iterator[Finding]:
    return _missing(ctx, "skills", "skills")


def no_responsibilities(ctx: Context) -> Iterator[Finding]:
    return _missing(ctx, "responsibilities", "responsibilities")


def no_summary(ctx: Context) -> Iterator[Finding]:
    return _missing(ctx, "summary", "summary")


def _initials(name: str) -> str:
    words = [w for w in name.casefold().replace("-", " ").split() if w not in _SMALL_WORDS]
    return "".join(word[0] for word in words) if len(words) >= 2 else ""


def alias_field_term(ctx: Context) -> Iterator[Finding]:
    skills: dict[str, str] = {}
    for role in ctx.dataset.roles.values():
        for name in role.skills:
            skills.setdefault(skill_key(name), f"the skill '{name}'")
            if _initials(name):
                skills.setdefault(_initials(name), f"short for the skill '{name}'")
    extra = ctx.settings.field_terms
    for role in ctx.dataset.roles.values():
        own = extra.get("*", frozenset()) | extra.get(role.track or "", frozenset())
        for alias in role.aliases:
            key = skill_key(alias)
            meaning = (f"'{FIELD_TERMS[key]}'" if key in FIELD_TERMS else
                       "listed in careerpath.lint.yaml" if key in own else skills.get(key))
            if meaning is not None:
                yield Finding(ctx.where.alias(role.id, alias),
                              f"alias '{alias}' of {role.id} is a common term in its field "
                              f"({meaning}); a reader would not take it for the role")
