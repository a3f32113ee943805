"""What ``coproduce bench web``'s simulated staff do, and how their answers are summed
up: shared by the bench (``web``) and its load generator (``web_staff``), and kept apart
from Locust, which patches the standard library of any process that imports it."""

from __future__ import annotations

from typing import Any

THINK = (5.0, 15.0)
# The share of each kind of person among those online (the weights of web_staff's classes):
# mostly practitioners; and members of the public, counted apart from the staff, one for
# every ten staff.
STAFF_WEIGHTS = {"practitioner": 14, "le.lead": 3, "team.leader": 3}
VISITORS_PER_STAFF = 0.1


# Every page the staff open (the page shell first), for the server-time comparison.
STAFF_PAGES = [
    "home (page shell)",
    "worklist",
    "caseload",
    "person record",
    "record-contact form",
    "episode",
    "voices inbox",
    "voice",
    "insight",
    "actions",
    "alerts",
    "evidence summary",
]


def server_timing(header: str) -> tuple[float | None, float | None, int | None]:
    """(app ms, db ms, queries) from a Server-Timing header; None for what it lacks."""
    app = db = queries = None
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        values = dict(f.split("=", 1) for f in fields[1:] if "=" in f)
        if fields[0] == "app" and "dur" in values:
            app = float(values["dur"])
        elif fields[0] == "db" and "dur" in values:
            db = float(values["dur"])
            desc = values.get("desc", "").strip('"').split()
            queries = int(desc[0]) if desc and desc[0].isdigit() else None
    return app, db, queries


def accounts_needed(most_staff: int) -> dict[str, int]:
    """Accounts to make for each staff role, for ``most_staff`` staff online (Locust
    shares people out by weight; a few spare for its rounding)."""
    total = sum(STAFF_WEIGHTS.values())
    return {role: most_staff * w // total + 5 for role, w in STAFF_WEIGHTS.items()}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _median(values: list[float]) -> float | None:
    return _percentile(values, 0.5) if values else None


def summarise(answers: dict[str, list[Any]], seconds: float) -> dict[str, Any]:
    pages: dict[str, dict[str, Any]] = {}
    for name, rows in sorted(answers.items()):
        times = [r[0] for r in rows]
        ok = [r for r in rows if r[4]]
        server = [r[1] for r in ok if r[1] is not None]
        db = [r[2] for r in ok if r[2] is not None]
        queries = [float(r[3]) for r in ok if r[3] is not None]
        median_queries = _median(queries)
        statuses: dict[str, int] = {}
        for row in rows:
            if not row[4]:
                key = str(row[5]) if len(row) > 5 and row[5] else "no answer"
                statuses[key] = statuses.get(key, 0) + 1
        pages[name] = {
            "requests": len(rows),
            "errors": len(rows) - len(ok),
            "error_statuses": statuses,
            "p50_ms": round(_percentile(times, 0.50), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "p99_ms": round(_percentile(times, 0.99), 1),
            "rps": round(len(rows) / seconds, 2),
            "server_median_ms": None if not server else round(_percentile(server, 0.5), 1),
            "db_median_ms": None if not db else round(_percentile(db, 0.5), 1),
            "queries_median": None if median_queries is None else int(median_queries),
        }
    shell = pages.get("home (page shell)", {}).get("server_median_ms")
    for page in pages.values():
        server_ms = page["server_median_ms"]
        page["server_time_vs_shell"] = (
            round(server_ms / shell, 2) if shell and server_ms is not None else None
        )
    requests = sum(p["requests"] for p in pages.values())
    errors = sum(p["errors"] for p in pages.values())
    # Not answered in time, or refused for want of room (no answer, or nginx-like 502-504,
    # waitress's 503): the load, not a page's mistake.
    unanswered = sum(
        n
        for p in pages.values()
        for status, n in p["error_statuses"].items()
        if status in {"no answer", "502", "503", "504"}
    )
    return {
        "pages": pages,
        "requests": requests,
        "errors": errors,
        "unanswered": unanswered,
        "rps": round(requests / seconds, 1),
        "worst_p95_ms": max((p["p95_ms"] for p in pages.values()), default=None),
    }


def fails_badly(step: dict[str, Any], limit_ms: float) -> str:
    """Why stepping further is pointless (the next step would only be worse), or ''."""
    if step["requests"] == 0:
        return "no request was answered"
    # A page that fails for a mistake of its own (a 500, say) fails at every step alike:
    # that is an error to report, not a reason to stop stepping.
    if step["unanswered"] > 0.01 * step["requests"]:
        return f"{step['unanswered']} of {step['requests']} requests went unanswered (over 1%)"
    if step["worst_p95_ms"] > limit_ms:
        return f"a page's p95 was {step['worst_p95_ms']:.0f} ms (over {limit_ms:.0f} ms)"
    return ""
