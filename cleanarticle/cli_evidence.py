"""``cleanarticle evidence``: build, merge and show the corpus evidence of the typo cleaner."""

from __future__ import annotations

import argparse
import sys

from cleanarticle.batch import DEFAULT_INCLUDE, LocalEngine, gather_evidence, read_records
from cleanarticle.evidence import Evidence, EvidenceError
from cleanarticle.files import DEFAULT_MAX_SIZE

DESCRIPTION = """\
The typo cleaner (CA501) takes a word written once for a misspelling of a word written
more often in the same document or in the corpus it is cleaned with. 'cleanarticle batch'
counts the corpus's words in a first pass; these commands save those counts to a file, so
that every shard of a corpus (on other machines, or in a pipeline) is cleaned with the
same evidence and the result does not depend on the sharding.

  cleanarticle evidence build INPUT... -o FILE   count the words of a corpus (map/reduce)
  cleanarticle evidence merge FILE... -o FILE    add up the counts of several files
  cleanarticle evidence show FILE                how many words, and the commonest

Then: cleanarticle batch SHARD --evidence FILE --out DIR
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleanarticle evidence",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="count the words of a corpus")
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, JSONL")
    build.add_argument("-o", "--out", required=True, metavar="FILE", help="the evidence file")
    build.add_argument("--include", action="append", metavar="GLOB")
    build.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    build.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    build.add_argument("-j", "--jobs", type=int, default=None, metavar="N")
    merge = commands.add_parser("merge", help="add up the counts of several evidence files")
    merge.add_argument("files", nargs="+", metavar="FILE")
    merge.add_argument("-o", "--out", required=True, metavar="FILE")
    show = commands.add_parser("show", help="describe an evidence file")
    show.add_argument("file", metavar="FILE")
    for sub in (build, merge, show):
        sub.error = parser.error  # type: ignore[method-assign]
    return parser


def main(argv: list[str]) -> int:
    """Run ``cleanarticle evidence``; return its exit code (2 for a usage or file error)."""
    from cleanarticle.cli import EXIT_ERROR, _error

    try:
        args = build_parser().parse_args(argv)
        if args.command == "build":
            if args.jobs is not None and args.jobs < 1:
                raise _UsageError("--jobs must be 1 or more")
            records = read_records(
                args.inputs,
                include=args.include or DEFAULT_INCLUDE,
                exclude=args.exclude,
                format=args.format,
                max_size=DEFAULT_MAX_SIZE,
            )
            evidence, documents = gather_evidence(LocalEngine(args.jobs), records)
            evidence.save(args.out)
            print(f"{args.out}: {len(evidence):,} words from {documents:,} documents")
        elif args.command == "merge":
            evidence = Evidence.merge(Evidence.load(name) for name in args.files)
            evidence.save(args.out)
            print(f"{args.out}: {len(evidence):,} words from {len(args.files)} files")
        else:
            evidence = Evidence.load(args.file)
            common = sorted(evidence.counts.items(), key=lambda item: (-item[1], item[0]))[:10]
            print(f"{args.file}: {len(evidence):,} words, {sum(evidence.counts.values()):,} in all")
            for word, count in common:
                print(f"  {count:>10,}  {word}")
    except _UsageError as exc:
        _error(f"{exc} (see 'cleanarticle evidence --help')")
        return EXIT_ERROR
    except EvidenceError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except OSError as exc:
        _error(f"{exc.filename or 'evidence'}: {exc.strerror or exc}")
        return EXIT_ERROR
    sys.stdout.flush()
    return 0
