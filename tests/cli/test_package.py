#!/usr/bin/env python3
"""wxlint as an installed library: `cmake --install` into a temporary prefix, then a C++ and a C
consumer (find_package), a C89 build through pkg-config and Python ctypes all lint the same
payloads and must report exactly what `wxlint check --format json` reports.

Usage: python3 tests/cli/test_package.py BUILD_DIR/wxlint
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else os.path.join(ROOT, "build", "wxlint")
PAYLOADS = [os.path.join(ROOT, "examples", "move-users.envelope.json"),
            os.path.join(ROOT, "testdata", "validateOrInitiateMoveUsersJob", "seed-envelope.json")]


def run(cmd, env=None, check=True):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise AssertionError("%s exited %d\n%s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    return p


class InstalledPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="wxlint-package-")
        cls.prefix = os.path.join(cls.tmp, "prefix")
        run(["cmake", "--install", os.path.dirname(BINARY), "--prefix", cls.prefix])
        libs = glob.glob(os.path.join(cls.prefix, "lib*", "libwxlint.so")) + \
            glob.glob(os.path.join(cls.prefix, "lib*", "*", "libwxlint.so"))
        assert len(libs) == 1, "installed libwxlint.so not found: %s" % libs
        cls.shared = libs[0]
        cls.libdir = os.path.dirname(cls.shared)
        consumer = os.path.join(cls.tmp, "consumer")
        run(["cmake", "-S", os.path.join(ROOT, "tests", "package", "consumer"), "-B", consumer,
             "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_PREFIX_PATH=" + cls.prefix])
        run(["cmake", "--build", consumer, "-j", str(os.cpu_count() or 2)])
        cls.consumer = consumer
        consumer_c = os.path.join(cls.tmp, "consumer_c")
        run(["cmake", "-S", os.path.join(ROOT, "tests", "package", "consumer_c"), "-B", consumer_c,
             "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_PREFIX_PATH=" + cls.prefix])
        run(["cmake", "--build", consumer_c, "-j", str(os.cpu_count() or 2)])
        cls.consumer_c = consumer_c
        broken = os.path.join(cls.tmp, "broken.json")
        with open(broken, "w") as f:
            f.write('{"usersList": [}\n')
        cls.payloads = PAYLOADS + [broken]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def cli(self, path):
        p = run([BINARY, "check", "--format", "json", path], check=False)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return json.loads(p.stdout)

    def same_as_cli(self, cmd, path):
        report = json.loads(run(cmd + [path]).stdout)
        expected = self.cli(path)
        self.assertEqual(report["files"][0]["diagnostics"], expected["files"][0]["diagnostics"], path)
        self.assertEqual(report, expected, path)  # path, operation and summary too

    def test_install_layout(self):
        for rel in ["bin/wxlint", "include/wxlint/wxlint.h", "include/wxlint/linter.hpp",
                    "include/wxlint/report.hpp"]:
            self.assertTrue(os.path.isfile(os.path.join(self.prefix, rel)), rel)
        for rel in ["libwxlint.a", "cmake/wxlint/wxlintConfig.cmake", "cmake/wxlint/wxlintConfigVersion.cmake",
                    "cmake/wxlint/wxlintTargets.cmake", "pkgconfig/wxlint.pc"]:
            self.assertTrue(os.path.isfile(os.path.join(self.libdir, rel)), rel)
        self.assertTrue(os.path.islink(self.shared))
        self.assertRegex(os.path.basename(os.path.realpath(self.shared)), r"^libwxlint\.so\.\d+\.\d+\.\d+$")

    def test_public_headers_need_only_the_standard_library(self):
        allowed = re.compile(r"^<(wxlint/\w+\.hpp|wxlint/wxlint\.h|[a-z_]+|std(def|int|bool|io|lib)\.h)>$")
        headers = glob.glob(os.path.join(self.prefix, "include", "wxlint", "*"))
        self.assertGreater(len(headers), 4)
        for h in headers:
            with open(h) as f:
                for line in f:
                    m = re.match(r"\s*#\s*include\s*(\S+)", line)
                    if m:
                        self.assertRegex(m.group(1), allowed, "%s includes %s" % (h, m.group(1)))

    def test_only_the_api_is_exported(self):
        if not shutil.which("nm"):
            self.skipTest("nm not found")
        out = run(["nm", "-DC", "--defined-only", self.shared]).stdout
        for name in ["wxlint_lint", "wxlint_linter_new_embedded", "wxlint::Linter::lint(", "wxlint::to_json"]:
            self.assertIn(name, out)
        self.assertNotIn("wxlint::Catalogue", out)  # internals stay hidden
        self.assertNotIn("wxlint::Document", out)

    def test_cpp_consumer_matches_cli(self):
        for exe in ["consumer_cpp", "consumer_cpp_static"]:
            for path in self.payloads:
                self.same_as_cli([os.path.join(self.consumer, exe)], path)

    def test_c_consumer_matches_cli(self):
        for path in self.payloads:
            self.same_as_cli([os.path.join(self.consumer, "consumer_c")], path)

    def test_c_only_project_links_shared_and_static(self):
        for exe in ["consumer_c_shared", "consumer_c_static"]:
            for path in self.payloads:
                self.same_as_cli([os.path.join(self.consumer_c, exe)], path)

    def test_ctypes_matches_cli(self):
        script = os.path.join(ROOT, "tests", "package", "ctypes_lint.py")
        for path in self.payloads:
            self.same_as_cli([sys.executable, script, self.shared], path)

    def test_broken_json_is_a_finding(self):
        report = json.loads(run([os.path.join(self.consumer, "consumer_c"), self.payloads[-1]]).stdout)
        self.assertIn("WX0001", [d["code"] for d in report["files"][0]["diagnostics"]])

    def test_options_json(self):
        exe = os.path.join(self.consumer, "consumer_c")
        rule = "move-users/user-id-malformed"
        self.assertIn(rule, [d["rule"] for d in self.cli(PAYLOADS[0])["files"][0]["diagnostics"]])
        opts = json.dumps({"disabled": [rule], "settings": {"maxUsers": 5}, "severities": {}})
        report = json.loads(run([exe, PAYLOADS[0], opts]).stdout)
        self.assertNotIn(rule, [d["rule"] for d in report["files"][0]["diagnostics"]])
        for bad, status in [("{", "invalid options"), ('{"disabled":["no-such-rule"]}', "invalid configuration")]:
            p = run([exe, PAYLOADS[0], bad], check=False)
            self.assertEqual(p.returncode, 2)
            self.assertIn(status, p.stderr)

    def test_pkg_config_c89(self):
        if not shutil.which("pkg-config") or not shutil.which("cc"):
            self.skipTest("pkg-config or cc not found")
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(self.libdir, "pkgconfig"))
        version = run(["pkg-config", "--modversion", "wxlint"], env=env).stdout.strip()
        self.assertIn(version, run([BINARY, "--version"]).stdout)
        flags = run(["pkg-config", "--cflags", "--libs", "wxlint"], env=env).stdout.split()
        self.assertIn("-I" + os.path.join(self.prefix, "include"), [os.path.normpath(f) if f.startswith("-I")
                                                                    else f for f in flags])
        exe = os.path.join(self.tmp, "consumer_c89")
        src = os.path.join(ROOT, "tests", "package", "consumer", "main.c")
        run(["cc", "-std=c89", "-pedantic-errors", "-Wall", "-o", exe, src] + flags +
            ["-Wl,-rpath," + self.libdir])
        for path in self.payloads:
            self.same_as_cli([exe], path)


if __name__ == "__main__":
    unittest.main(verbosity=2)
