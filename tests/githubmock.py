"""A stand-in for the GitHub API, served to Chromium through Playwright's request interception.

It answers the REST and GraphQL calls Sveltia CMS makes with a token sign-in (the user, the
collaborator check, the branch head, the file tree, file contents, `createCommitOnBranch`) from a
folder on disk, and keeps every commit it receives so a test can read what the editor wrote.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

API = "https://api.github.com"
_CONTENT = re.compile(r'content_(\d+):\s*object\(\s*oid:\s*"([0-9a-f]+)"')
_HISTORY = re.compile(r"(commit|history)_(\d+):\s*ref\(")
_STATUS = re.compile(r"(commit_\d+):\s*object\(")
_FILE = re.compile(r'(file_\d+):\s*file\(\s*path:\s*("(?:[^"\\]|\\.)*")')
# `ref(qualifiedName: $branch)` not under an alias: the branch head.
_HEAD = re.compile(r"\{\s*ref\(\s*qualifiedName:\s*\$branch\s*\)")


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Commit:
    """One `createCommitOnBranch` the editor sent: files by path, the headline, when it came."""

    files: dict[str, bytes]
    deletions: list[str]
    message: str
    at: float
    branch: str = "main"


@dataclass
class PullRequest:
    """A pull request the editor opened (its editorial workflow), with its labels."""

    number: int
    head: str
    base: str
    title: str
    draft: bool
    labels: list[str] = field(default_factory=list)


@dataclass
class GitHubMock:
    """The repository `owner/name` holding the files under `root`, as GitHub would serve it."""

    root: Path
    repo: str = "doan/bantin"
    login: str = "canbo"
    head: str = "1" * 40
    files: dict[str, bytes] = field(default_factory=dict)
    commits: list[Commit] = field(default_factory=list)
    branches: dict[str, str] = field(default_factory=dict)
    pulls: list[PullRequest] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and "site" not in path.relative_to(self.root).parts[:1]:
                self.files[path.relative_to(self.root).as_posix()] = path.read_bytes()
        self.by_sha = {blob_sha(data): data for data in self.files.values()}

    def install(self, page) -> None:
        page.route(f"{API}/**", self._handle)

    def _handle(self, route) -> None:
        request = route.request
        path = request.url.removeprefix(API).split("?")[0]
        self.calls.append(f"{request.method} {path}")
        if request.method == "OPTIONS":
            return route.fulfill(status=204, headers=_CORS)
        if path == "/graphql":
            body = json.loads(request.post_data or "{}")
            return self._json(route, {"data": self._graphql(body["query"], body.get("variables"))})
        owner_repo = f"/repos/{self.repo}"
        if path == "/user":
            return self._json(
                route, {"id": 7, "login": self.login, "name": "Cán bộ Đoàn", "avatar_url": ""}
            )
        if path == f"{owner_repo}/pulls" and request.method == "POST":
            return self._json(route, self._pull(json.loads(request.post_data)), status=201)
        if re.fullmatch(rf"{owner_repo}/issues/\d+/labels", path) and request.method == "POST":
            number = int(path.split("/")[-2])
            labels = json.loads(request.post_data)["labels"]
            self.pulls[number - 1].labels.extend(labels)
            return self._json(route, _names(labels))
        if match := re.fullmatch(rf"{owner_repo}/issues/(\d+)", path):
            pull = self.pulls[int(match[1]) - 1]
            if request.method == "PATCH":
                pull.labels = json.loads(request.post_data)["labels"]
            return self._json(route, {"number": pull.number, "labels": _names(pull.labels)})
        if path.startswith(f"{owner_repo}/collaborators/"):
            return route.fulfill(status=204, headers=_CORS)
        if path.startswith(f"{owner_repo}/git/trees/"):
            tree = [
                {"path": name, "mode": "100644", "type": "blob", "sha": blob_sha(data),
                 "size": len(data)}
                for name, data in sorted(self.files.items())
            ]  # fmt: skip
            return self._json(route, {"sha": self.head, "tree": tree, "truncated": False})
        if path.startswith(f"{owner_repo}/git/blobs/"):
            data = self.by_sha.get(path.rsplit("/", 1)[1], b"")
            return route.fulfill(
                status=200, body=data, headers={**_CORS, "Content-Type": "application/octet-stream"}
            )
        if path == owner_repo:
            return self._json(
                route, {"full_name": self.repo, "default_branch": "main", "private": False,
                        "permissions": {"admin": False, "push": True, "pull": True}}
            )  # fmt: skip
        return self._json(route, {"message": "Not Found"}, status=404)

    def _graphql(self, query: str, variables: dict | None) -> dict:
        if "createCommitOnBranch" in query:
            return {"createCommitOnBranch": {"commit": self._commit(query, variables["input"])}}
        for mutation, draft in (
            ("markPullRequestReadyForReview", False),
            ("convertPullRequestToDraft", True),
        ):
            if f"{mutation}(" in query:
                number = int(variables["input"]["pullRequestId"].removeprefix("PR_"))
                self.pulls[number - 1].draft = draft
                return {mutation: {"pullRequest": {"isDraft": draft}}}
        if "createRef(" in query:
            given = variables["input"]
            self.branches[given["name"].removeprefix("refs/heads/")] = given["oid"]
            return {"createRef": {"ref": {"name": given["name"]}}}
        if "fork: repository(" in query:
            return {"fork": {"id": "R_repo"}, "base": {"ref": {"target": {"oid": self.head}}}}
        repository: dict = {}
        if "defaultBranchRef" in query:
            repository["defaultBranchRef"] = {"name": "main"}
        for index, sha in _CONTENT.findall(query):
            data = self.by_sha.get(sha, b"")
            repository[f"content_{index}"] = {"text": data.decode("utf-8", "replace")}
        for kind, index in _HISTORY.findall(query):
            node = {
                "author": {
                    "name": "Cán bộ Đoàn",
                    "email": "",
                    "user": {"id": 7, "login": self.login},
                },
                "committedDate": "2026-12-01T03:00:00Z",
            }
            repository[f"{kind}_{index}"] = {"target": {"history": {"nodes": [node]}}}
        for alias in _STATUS.findall(query):
            repository[alias] = {"status": None, "deployments": {"nodes": []}}
        if _HEAD.search(query):
            last = {"oid": self.head, "message": "init"}
            repository["ref"] = {"target": {"oid": self.head, "history": {"nodes": [last]}}}
        if "pullRequests(" in query:
            repository["pullRequests"] = {"nodes": []}
        return {"repository": repository}

    def _commit(self, query: str, given: dict) -> dict:
        changes = given["fileChanges"]
        written = {
            item["path"]: base64.b64decode(item["contents"])
            for item in changes.get("additions", [])
        }
        deletions = [item["path"] for item in changes.get("deletions", [])]
        branch = given["branch"]["branchName"]
        headline = given["message"]["headline"]
        self.commits.append(Commit(written, deletions, headline, time.monotonic(), branch))
        # Only the site's branch is what the next build reads; a workflow branch waits.
        if branch == "main":
            self.files.update(written)
            for path in deletions:
                self.files.pop(path, None)
        self.by_sha.update({blob_sha(data): data for data in written.values()})
        oid = hashlib.sha1(f"{self.head}{len(self.commits)}".encode()).hexdigest()
        if branch == "main":
            self.head = oid
        else:
            self.branches[branch] = oid
        commit = {"oid": oid, "committedDate": "2026-12-03T03:00:00Z"}
        for alias, path in _FILE.findall(query):
            commit[alias] = {"oid": blob_sha(written.get(json.loads(path), b""))}
        return commit

    def _pull(self, given: dict) -> dict:
        number = len(self.pulls) + 1
        self.pulls.append(
            PullRequest(number, given["head"], given["base"], given["title"], given["draft"])
        )
        return {
            "number": number,
            "node_id": f"PR_{number}",
            "title": given["title"],
            "html_url": f"https://github.com/{self.repo}/pull/{number}",
            "created_at": "2026-06-15T01:30:00Z",
            "updated_at": "2026-06-15T01:30:00Z",
        }

    def _json(self, route, payload, status: int = 200) -> None:
        route.fulfill(
            status=status,
            body=json.dumps(payload),
            headers={**_CORS, "Content-Type": "application/json"},
        )


def _names(labels: list[str]) -> list[dict]:
    return [{"name": label} for label in labels]


_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
}
