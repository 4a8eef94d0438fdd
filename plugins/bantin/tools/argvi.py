"""argparse speaking Vietnamese: headings, the help option and the usual mistakes."""

from __future__ import annotations

import argparse
import re
import sys

_MESSAGES = [
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tham số: \1"),
    (re.compile(r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)"),
     r"tham số \1: không có lựa chọn \2 (chọn một trong: \3)"),
    (re.compile(r"argument (.*?): expected one argument"), r"tham số \1: cần một giá trị"),
    (re.compile(r"argument (.*?): invalid (\w+) value: (.*)"), r"tham số \1: giá trị không hợp lệ \3"),
]  # fmt: skip


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps our line breaks in descriptions and examples; "Cách dùng:" instead of "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(
            usage, actions, groups, "Cách dùng: " if prefix is None else prefix
        )


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tuỳ chọn"
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str):
        for pattern, replacement in _MESSAGES:
            if pattern.fullmatch(message):
                message = pattern.sub(replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")


def add_command(commands, name: str, summary: str, description: str, examples: str):
    """A `bantin` sub-command with its Vietnamese help, examples, and the site's `-f/--config`."""
    parser = commands.add_parser(name, help=summary, description=description, epilog=examples)
    parser.add_argument(
        "-f", "--config", default="mkdocs.yml", metavar="MKDOCS_YML", help="tệp cấu hình MkDocs"
    )
    return parser
