"""The load generator of ``coproduce bench web``: simulated staff, driven by Locust.

Run in a process of its own (``python -m coproduce.tooling.bench.web_staff PLAN OUT``):
Locust runs on gevent, which patches the standard library of the process it is imported
in, and so is kept out of the bench's own process and out of the server's.

Each simulated person is signed in already (a session of their own account, made as the
sign-in form leaves one: ``bench_web_setup``), keeps one connection open as a browser
does, and follows their journey again and again, reading each page for 5 to 15 seconds
(``between(5, 15)``) before the next:

- a practitioner: home → worklist → caseload → a person's record → the record-contact form
  for that person's open episode → the episode;
- a lived experience lead: home → the voices inbox → a voice → an insight → actions;
- a team leader: home → alerts → worklist → the evidence summary;
- a member of the public (not signed in): the feedback page.

Staff begin each round at the home page, which draws the page shell and nothing of the
service's data, so every page's server time can be set against it in the same run.

The number of staff is stepped up (the ``steps`` of the plan): at each step the new
people are started at ``spawn_rate`` a second, each first waiting a random part of a
think time so they do not move in step; after one full think time more (``settle``) the
answers are counted for ``step_seconds``. Every answer must be a 200 (a redirect, to the
sign-in page say, is an error). Stepping stops early once a step fails badly.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from collections import defaultdict
from itertools import count
from pathlib import Path
from typing import Any

import gevent  # type: ignore[import-untyped]
from locust import FastHttpUser, between, events, task
from locust.env import Environment

from coproduce.tooling.bench.web_journeys import (
    THINK,
    VISITORS_PER_STAFF,
    fails_badly,
    server_timing,
    summarise,
)

PLAN: dict[str, Any] = {}
# Every answer in the current window: page → [(ms, server ms, db ms, queries, ok, status)]
# (status 0: no answer at all).
ANSWERS: dict[str, list[tuple[float, float | None, float | None, int | None, bool, int]]] = (
    defaultdict(list)
)
_next_session: dict[str, count[int]] = defaultdict(count)


class Person(FastHttpUser):
    abstract = True
    wait_time = between(*THINK)
    # A browser's idle connection: kept open between pages.
    network_timeout = 120.0
    connection_timeout = 120.0
    role = ""

    def on_start(self) -> None:
        self.cookie = ""
        if self.role:
            sessions = PLAN["staff"][self.role]
            self.cookie = f"sessionid={sessions[next(_next_session[self.role]) % len(sessions)]}"
        gevent.sleep(random.uniform(0, PLAN["think"][1]))  # noqa: S311 - not for security

    def page(self, name: str, path: str) -> None:
        headers = {"X-Forwarded-Proto": "https"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        started = time.perf_counter()
        ok, app, db, queries = False, None, None, None
        with self.client.get(
            path, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            ms = (time.perf_counter() - started) * 1000
            ok = response.status_code == 200
            if ok:
                app, db, queries = server_timing(response.headers.get("Server-Timing") or "")
                response.success()
            else:
                response.failure(f"status {response.status_code}")
        ANSWERS[name].append((ms, app, db, queries, ok, response.status_code or 0))

    def think(self) -> None:
        self.wait()  # type: ignore[no-untyped-call]


class Practitioner(Person):
    role = "practitioner"
    weight = 14

    @task
    def journey(self) -> None:
        person, episode = random.choice(PLAN["episodes"])  # noqa: S311
        self.page("home (page shell)", "/")
        self.think()
        self.page("worklist", "/worklist")
        self.think()
        self.page("caseload", "/caseload")
        self.think()
        self.page("person record", f"/people/{person}")
        self.think()
        self.page("record-contact form", f"/episodes/{episode}/contacts/new")
        self.think()
        self.page("episode", f"/episodes/{episode}")


class LivedExperienceLead(Person):
    role = "le.lead"
    weight = 3

    @task
    def journey(self) -> None:
        self.page("home (page shell)", "/")
        self.think()
        self.page("voices inbox", "/voices")
        self.think()
        self.page("voice", f"/voices/{random.choice(PLAN['voices'])}")  # noqa: S311
        self.think()
        self.page("insight", f"/insights/{random.choice(PLAN['insights'])}")  # noqa: S311
        self.think()
        self.page("actions", "/actions")


class TeamLeader(Person):
    role = "team.leader"
    weight = 3

    @task
    def journey(self) -> None:
        self.page("home (page shell)", "/")
        self.think()
        self.page("alerts", "/alerts")
        self.think()
        self.page("worklist", "/worklist")
        self.think()
        self.page("evidence summary", "/evidence")


class Visitor(Person):
    weight = 2  # one for every ten staff

    @task
    def journey(self) -> None:
        self.page("public feedback", "/feedback")


KINDS: dict[str, type[Person]] = {
    "practitioner": Practitioner,
    "le.lead": LivedExperienceLead,
    "team.leader": TeamLeader,
}


ROLES = {
    "Practitioner": "practitioner",
    "LivedExperienceLead": "le.lead",
    "TeamLeader": "team.leader",
    "Visitor": "visitor",
}


def run(plan: dict[str, Any]) -> dict[str, Any]:
    PLAN.update(plan)
    most = max(plan["steps"])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 2 * most + 1024  # a connection each, with room
    if soft != resource.RLIM_INFINITY and soft < wanted:
        ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))
    PLAN.setdefault("think", THINK)
    classes: list[type[Person]] = [*KINDS.values(), Visitor]
    for user_class in classes:
        user_class.host = plan["host"]
        user_class.wait_time = between(*PLAN["think"])
    environment = Environment(user_classes=list(classes), events=events, stop_timeout=5)
    runner = environment.create_local_runner()
    steps: list[dict[str, Any]] = []
    stopped_early = ""
    try:
        for staff in plan["steps"]:
            total = staff + round(staff * VISITORS_PER_STAFF)
            ramp_started = time.monotonic()
            runner.start(total, spawn_rate=plan["spawn_rate"])
            while runner.user_count < total and time.monotonic() - ramp_started < 600:
                gevent.sleep(0.5)
            ramp = time.monotonic() - ramp_started
            people = {ROLES[name]: n for name, n in runner.user_classes_count.items()}
            gevent.sleep(plan["settle"])
            ANSWERS.clear()
            environment.stats.reset_all()
            measured = time.monotonic()
            gevent.sleep(plan["step_seconds"])
            seconds = time.monotonic() - measured
            window = {name: list(rows) for name, rows in ANSWERS.items()}
            step = {
                "staff_online": staff,
                "staff_simulated": sum(n for role, n in people.items() if role != "visitor"),
                "people": people,
                "ramp_seconds": round(ramp, 1),
                "measured_seconds": round(seconds, 1),
                **summarise(window, seconds),
                "locust_cpu_percent": round(runner.current_cpu_usage, 0),
            }
            step["met"] = step["errors"] == 0 and step["worst_p95_ms"] <= plan["target_ms"]
            steps.append(step)
            print(  # progress, to the bench's log
                f"{staff} staff: {step['rps']} requests/s, worst p95 "
                f"{step['worst_p95_ms']} ms, {step['errors']} errors",
                file=sys.stderr,
                flush=True,
            )
            step["failed_badly"] = fails_badly(step, plan["bad_ms"])
            stopped_early = "" if plan.get("keep_stepping") else step["failed_badly"]
            if stopped_early and staff != plan["steps"][-1]:
                stopped_early = f"stopped after {staff} staff: {stopped_early}"
                break
            stopped_early = ""
    finally:
        runner.quit()
    return {"steps": steps, "stopped_early": stopped_early}


def main() -> None:
    plan = json.loads(Path(sys.argv[1]).read_text())
    Path(sys.argv[2]).write_text(json.dumps(run(plan)))


if __name__ == "__main__":
    main()
