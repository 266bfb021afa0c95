"""``pmkg ingest PATH...``, ``pmkg remove DOCUMENT`` and ``pmkg candidates``: fill and curate the graph.

Files are extracted by ``--jobs`` worker processes (``pmkg.ingest.parallel``) and stored by one writer,
in the order of the sorted paths, in batches of up to ``LOAD_BATCH`` documents per transaction (a
folder of minutes loads several times faster than file by file); the graph is the same whatever the
number of jobs. ``--records FILE.jsonl`` loads records extracted elsewhere (``pmkg extract --format
jsonl``). A batch that fails is stored again document by document, so a bad file is listed at the end
and the good ones are stored; the exit status is 1 if any file failed. When Neo4j stops answering (or
runs out of memory on a single file's write), the run stops within seconds with one line naming the
batch it was storing, none of which is stored; the summary counts the files not tried, and running the
same command again resumes: files whose bytes are stored already are skipped by their sha256.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import neo4j
from tqdm import tqdm

from pmkg.errors import PmkgError, StoreUnavailable, interrupted
from pmkg.graph import connection, corrections, netstore
from pmkg.graph.identity import candidate_merges
from pmkg.graph.store import LoadSummary, load_record, load_records, remove_document, stored_document
from pmkg.ingest.gather import gather
from pmkg.ingest.parallel import default_jobs, extract_in_order, failure_reason
from pmkg.ingest.read import FORMATS
from pmkg.model.record import Record, decode_record

PROGRESS_FROM = 4  # files; fewer finish before a progress bar would help
LOAD_BATCH = 50  # documents per write transaction (see BENCHMARKS.md for what batching gains)


def register(sub: argparse._SubParsersAction) -> None:
    ingest = sub.add_parser(
        "ingest",
        help="extract minutes files (or folders of them) and load them into Neo4j",
        description="Extract each file (TXT, MD, PDF, DOCX, HTML; folders recursively) and store it in "
        "Neo4j. Loading the same file again changes nothing; a changed file replaces its earlier version.",
    )
    ingest.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    ingest.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help="extract in N worker processes; one writer loads in path order, so the graph is the same "
        "for any N (default: the cores this process may use, %(default)s here)",
    )
    ingest.add_argument(
        "--records",
        action="append",
        default=[],
        metavar="FILE.jsonl",
        help="load records written as JSON Lines by `pmkg extract --format jsonl` (extracted elsewhere, "
        "e.g. by a Dask or Spark job), in the file's order; may be given more than once",
    )
    ingest.add_argument(
        "--follow-links",
        action="store_true",
        help="in folders, follow symbolic links that lead outside the folder (skipped and listed otherwise)",
    )
    ingest.add_argument(
        "--initial",
        action="store_true",
        help="first load of an archive into the managed server's EMPTY database through Neo4j's offline "
        "bulk importer (the server is stopped and started again): the same graph, many times faster",
    )
    ingest.add_argument(
        "--corrections",
        metavar="FILE.jsonl",
        help="with --initial: corrections (`pmkg corrections export`) to import and replay after the load",
    )
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    ingest.set_defaults(func=run_ingest)

    remove = sub.add_parser(
        "remove",
        help="remove one document's contribution from the graph",
        description="Remove what one document contributed: its facts, and the nodes only it held.",
    )
    remove.add_argument("document", help="document id (doc:...), source file name, or sha256 prefix")
    remove.set_defaults(func=run_remove)

    candidates = sub.add_parser(
        "candidates",
        help="list people and organisations that may be the same (for review; never merged)",
    )
    candidates.add_argument("--json", action="store_true", help="print JSON instead of a table")
    candidates.set_defaults(func=run_candidates)


def collect_files(paths: list[str], follow_links: bool = False) -> list[Path]:
    """The files to ingest (see ``pmkg.ingest.gather``), without the list of skipped links."""
    return gather(paths, follow_links).files


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line and --json."""

    documents: Counter[str] = field(default_factory=Counter)  # status -> count
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_deleted: int = 0
    rels_created: int = 0
    rels_deleted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    orphaned: list[str] = field(default_factory=list)  # corrections whose targets are gone
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (link, reason): not followed
    not_tried: int = 0  # files left when the store became unavailable (incl. the batch rolled back)
    phases: dict[str, float] = field(default_factory=dict)  # --initial: wall seconds of each phase

    def add(self, summary: LoadSummary) -> None:
        self.documents[summary.status] += 1
        self.nodes_created += summary.nodes_created
        self.nodes_updated += summary.nodes_updated
        self.nodes_deleted += summary.nodes_deleted
        self.rels_created += summary.rels_created
        self.rels_deleted += summary.rels_deleted

    def fail(self, path: Path, reason: str) -> None:
        self.documents["failed"] += 1
        self.failed.append((str(path), reason))

    def lines(self) -> list[str]:
        d = self.documents
        return [
            f"documents: {d['loaded']} loaded, {d['replaced']} replaced, {d['unchanged']} unchanged, "
            f"{d['failed']} failed",
            f"nodes: {self.nodes_created} created, {self.nodes_updated} updated, "
            f"{self.nodes_deleted} deleted; "
            f"relationships: {self.rels_created} created, {self.rels_deleted} deleted",
            *(
                [f"corrections orphaned (nodes gone, see pmkg corrections list): {' '.join(self.orphaned)}"]
                if self.orphaned
                else []
            ),
            *([f"links skipped: {len(self.skipped)} (listed below)"] if self.skipped else []),
            *([self.resume_line()] if self.not_tried else []),
            *([self.phases_line()] if self.phases else []),
        ]

    def phases_line(self) -> str:
        total = sum(self.phases.values())
        parts = ", ".join(f"{phase} {seconds:.1f}" for phase, seconds in self.phases.items())
        return f"seconds: {total:.1f} ({parts}); {self.rels_created / total:,.0f} relationships/s"

    def resume_line(self) -> str:
        files = "file" if self.not_tried == 1 else "files"
        return (
            f"{self.not_tried} {files} not tried; run the same command again to resume — "
            "documents already stored unchanged are skipped by content hash"
        )


def file_sha256(path: Path) -> str | None:
    """sha256 of the file's bytes (what the record's document id derives from); None if unreadable."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None  # extraction reports why
    return digest.hexdigest()


def ingest_files(files: list[Path], report: IngestReport, jobs: int = 1) -> None:
    """Extract the files (``jobs`` processes) and store them in their order, in batches; failures are
    recorded, an unreachable Neo4j stops. A file whose bytes are stored already is not extracted."""
    with connection.driver() as drv:
        bar = tqdm(total=len(files), unit="file", disable=len(files) < PROGRESS_FROM, file=sys.stderr)

        def to_extract() -> Iterator[Path]:
            for path in files:
                try:
                    stored = stored_document(drv, digest) if (digest := file_sha256(path)) else None
                except StoreUnavailable as exc:
                    raise StoreUnavailable(f"{exc} (while checking whether {path} is stored)") from exc
                if stored is None:
                    yield path
                    continue
                report.add(LoadSummary(stored["id"], stored["source"], "unchanged"))  # nothing to extract
                bar.update()

        pending: list[tuple[Path, Record]] = []
        with bar, _counting_not_tried(files, report):
            for done in extract_in_order(to_extract(), jobs):
                bar.set_postfix_str(done.path.name[-40:], refresh=False)
                bar.update()
                if done.record is None:  # one bad file must not stop the batch
                    report.fail(done.path, done.reason or "could not be extracted")
                    continue
                pending.append((done.path, done.record))
                if len(pending) >= LOAD_BATCH:
                    store_batch(drv, pending, report)
                    pending = []
            store_batch(drv, pending, report)
        netstore.refresh(drv)


@contextmanager
def _counting_not_tried(files: list[Path], report: IngestReport) -> Iterator[None]:
    """When the store becomes unavailable, count the files that have no outcome (neither stored, nor
    unchanged, nor failed): the rest of the folder and the batch whose transaction rolled back."""
    try:
        yield
    except StoreUnavailable:
        report.not_tried = len(files) - sum(report.documents.values())
        raise


def read_records(path: Path, report: IngestReport) -> Iterator[tuple[Path, Record]]:
    """The records of a JSON Lines file in its order; a line that is not a record is reported as
    ``FILE:LINE`` with the reason and the rest are read."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        report.fail(path, f"cannot be read ({exc.strerror or exc})")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = decode_record(line)
            except ValueError as exc:  # msgspec.DecodeError and ValidationError are ValueErrors
                report.fail(Path(f"{path}:{number}"), f"is not a record ({exc})")
                continue
            yield Path(f"{path}:{number}"), record


def ingest_records(sources: list[Path], report: IngestReport) -> None:
    """Store records extracted elsewhere, in the order of the files and their lines, in batches."""
    with connection.driver() as drv:
        pending: list[tuple[Path, Record]] = []
        for source in sources:
            for item in tqdm(read_records(source, report), unit="record", file=sys.stderr, desc=source.name):
                pending.append(item)
                if len(pending) >= LOAD_BATCH:
                    store_batch(drv, pending, report)
                    pending = []
        store_batch(drv, pending, report)
        netstore.refresh(drv)
        report.orphaned = corrections.orphaned(drv)


def store_batch(drv: neo4j.Driver, batch: list[tuple[Path, Record]], report: IngestReport) -> None:
    """Store extracted documents in one transaction; if that fails, one by one to find the bad ones."""
    if not batch:
        return
    try:
        for summary in load_records(drv, [record for _, record in batch], batch=len(batch), measure=False):
            report.add(summary)
        return
    except StoreUnavailable as exc:  # nothing more can be stored: stop with the summary so far
        raise StoreUnavailable(f"{exc} (while storing {_batch_name(batch)}: none of it stored)") from exc
    except Exception as exc:  # the batch rolled back: nothing of it is stored
        if interrupted(exc):  # Ctrl-C inside the driver: stop, do not retry file by file
            raise
    for path, record in batch:
        try:
            report.add(load_record(drv, record, measure=False))
        except StoreUnavailable as exc:
            raise StoreUnavailable(f"{exc} (while storing {path}: nothing of it stored)") from exc
        except Exception as exc:  # its transaction rolled back: nothing of the file is stored
            if interrupted(exc):
                raise
            report.fail(path, failure_reason(exc, "stored"))


def _batch_name(batch: list[tuple[Path, Record]]) -> str:
    """The batch in a few words: its one file, or its size and first and last file."""
    if len(batch) == 1:
        return str(batch[0][0])
    return f"the batch of {len(batch)} files {batch[0][0]} … {batch[-1][0]}"


def run_ingest(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise PmkgError(f"--jobs must be 1 or more, not {args.jobs}")
    if not args.paths and not args.records:
        raise PmkgError("give files or folders to ingest, or --records FILE.jsonl")
    if args.initial and args.records:
        raise PmkgError("--initial loads files or folders, not --records")
    if args.corrections and not args.initial:
        raise PmkgError("--corrections goes with --initial; import them with `pmkg corrections import`")
    gathered = gather(args.paths, args.follow_links)
    files = gathered.files
    report = IngestReport(skipped=[(str(link), why) for link, why in gathered.skipped])
    if args.paths and not files:
        for link, why in report.skipped:
            print(f"skipped: {link}: {why}", file=sys.stderr)
        raise PmkgError(f"no minutes files found in {' '.join(args.paths)} (looked for {', '.join(FORMATS)})")
    if args.initial:  # refused before anything is done or summed up
        from pmkg.cli import initial  # the importer's path: only when asked for

        checked = initial.plan(Path(args.corrections) if args.corrections else None)
    try:
        if args.records:
            ingest_records([Path(p) for p in args.records], report)
        if files and args.initial:
            initial.initial_load(files, report, min(args.jobs, len(files)), checked)
        elif files:
            ingest_files(files, report, jobs=min(args.jobs, len(files)))
    finally:
        if args.json:
            out = {
                **{key: value for key, value in vars(report).items() if key.startswith(("nodes", "rels"))},
                "documents": dict(report.documents),
                "failed": [{"file": f, "reason": r} for f, r in report.failed],
                "orphaned_corrections": report.orphaned,
                "skipped": [{"link": f, "reason": r} for f, r in report.skipped],
                "not_tried": report.not_tried,
                **({"seconds": report.phases} if report.phases else {}),
            }
            json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print("\n".join(report.lines()))
        for path, reason in report.skipped:
            print(f"skipped: {path}: {reason}", file=sys.stderr)
        for path, reason in report.failed:
            print(f"failed: {path}: {reason}", file=sys.stderr)
    return 1 if report.failed else 0


def run_remove(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        summary = remove_document(drv, args.document)
    print(
        f"removed {summary.document} ({summary.source}): {summary.rels_deleted} relationships and "
        f"{summary.nodes_deleted} nodes deleted"
    )
    return 0


def run_candidates(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        found = candidate_merges(drv)
    if args.json:
        json.dump([asdict(c) for c in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        print("no candidate merges")
        return 0
    for c in found:
        print(f"{c.label}\t{c.a_name} ({c.a_id})\t{c.b_name} ({c.b_id})\t{c.reason}\t{c.score:g}")
    return 0
