"""The examples of docs/library.md, as a user copies them: the C++ and the C program compiled
against include/ and the built libwxlint (C as C89), and the ctypes lines, each printing what
the page says it prints."""
import json
import os
import re
import shutil
import subprocess
import unittest

from cli_support import REPO, WXLINT, TempDirTest, main

LIBDIR = os.path.dirname(WXLINT)
# scripts/test.sh's sanitizer build: its library needs clang's sanitizer runtime in the program.
SANITIZED = bool(os.environ.get("WXLINT_SANITIZED"))
with open(os.path.join(REPO, "docs", "library.md"), encoding="utf-8") as f:
    DOC = f.read()


def example(name):
    """The block after `<!-- example: NAME -->`, and the plain block after it: what it prints."""
    start = DOC.index("<!-- example: %s -->\n" % name)
    source, rest = re.match(r"<!--.*?-->\n```[a-z]+\n(.*?)```\n(.*)", DOC[start:], re.S).groups()
    printed = re.search(r"```\n(.*?)```", rest, re.S)
    return source, printed.group(1) if printed else None


class LibraryExamples(TempDirTest):
    def build_and_run(self, name, compiler, *flags):
        source, printed = example(name)
        src, exe = self.path("example." + name), self.path("example")
        with open(src, "w", encoding="utf-8") as f:
            f.write(source)
        libs = ["-lwxlint"]
        if SANITIZED:  # the C program links the C++ runtimes the library's sanitizers need
            compiler, flags = ("clang++" if name == "cpp" else "clang"), (*flags, "-fsanitize=address,undefined")
            libs += [] if name == "cpp" else ["-fsanitize-link-c++-runtime", "-lstdc++"]
        cc = (None if SANITIZED else os.environ.get("CXX" if name == "cpp" else "CC")) or shutil.which(compiler)
        self.assertTrue(cc, compiler + " is missing")
        built = subprocess.run([cc, *flags, src, "-I", os.path.join(REPO, "include"), "-L", LIBDIR, *libs,
                                "-Wl,-rpath," + LIBDIR, "-o", exe], capture_output=True, text=True, timeout=120)
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertEqual(built.stderr, "")  # no warning either
        r = subprocess.run([exe], capture_output=True, text=True, timeout=60, cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(r.stdout, printed)
        return printed

    def test_the_cpp_example_prints_what_the_page_shows(self):
        printed = self.build_and_run("cpp", "c++", "-std=c++20", "-Wall", "-Wextra")
        # Its second line is the CLI's --format json of the same payload.
        self.assertEqual(printed.splitlines()[1], self.cli_json())

    def test_the_c_example_prints_what_the_page_shows(self):
        printed = self.build_and_run("c", "cc", "-std=c89", "-pedantic-errors", "-Wall", "-Wextra")
        self.assertEqual(printed.splitlines(), [self.cli_json(), "errors: 1"])

    @unittest.skipIf(SANITIZED, "a Python without the sanitizer runtime cannot load the sanitized library")
    def test_the_ctypes_lines_read_the_report(self):
        source, _ = example("ctypes")
        self.assertIn('"/opt/wxlint/lib/libwxlint.so"', source)
        names = {}
        exec(compile(source.replace("/opt/wxlint/lib", LIBDIR), "docs/library.md", "exec"), names)
        self.assertEqual(names["report"], json.loads(self.cli_json()))

    def cli_json(self):
        r = subprocess.run([WXLINT, "check", "--no-config", "-f", "json", "--stdin-filename", "payload.json", "-"],
                           input='{"usersList": []}', capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 1, r.stderr)
        return r.stdout.rstrip("\n")


if __name__ == "__main__":
    main()
