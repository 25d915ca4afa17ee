"""Builds the wxlint Python package: CMake builds libwxlint.so and the wxlint command, and both
go into wxlint/_native/ beside the modules of python/wxlint/, with the numbering-plan module and
the snapshot pull script. The metadata is in pyproject.toml.

WXLINT_CMAKE_BUILD_DIR: an existing CMake build directory to take them from (built there if
out of date) instead of a fresh one under build-python/. CMAKE_BUILD_PARALLEL_LEVEL: jobs.
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

ROOT = Path(__file__).resolve().parent


def version() -> str:
    """The project's version, from CMakeLists.txt, so that there is one."""
    return re.search(r"project\(wxlint VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)


class BuildNative(build_py):
    """build_py, then the native library and command with CMake."""

    def run(self) -> None:
        super().run()
        given = os.environ.get("WXLINT_CMAKE_BUILD_DIR")
        build = Path(given) if given else Path(self.get_finalized_command("build").build_temp) / "cmake"
        if not given:
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                            "-DWXLINT_BUILD_TESTS=OFF"], check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(build), "--parallel", jobs, "--target", "wxlint_shared", "wxlint",
                        "wxlint_numbering_plan"], check=True)
        native = Path(self.build_lib) / "wxlint" / "_native"
        native.mkdir(parents=True, exist_ok=True)
        shutil.copy2((build / "libwxlint.so").resolve(), native / "libwxlint.so")
        shutil.copy2(build / "wxlint", native / "wxlint")
        # Found beside libwxlint.so and the command; else they would be looked up in the
        # build tree, gone once it is removed (WX0021 on every phone number; no snapshot pull).
        shutil.copy2(build / "wxlint-numbering-plan.so", native / "wxlint-numbering-plan.so")
        shutil.copy2(build / "wxlint-snapshot-pull", native / "wxlint-snapshot-pull")


class NativeDistribution(Distribution):
    """Native code inside: the wheel is tagged for this platform and Python."""

    def has_ext_modules(self) -> bool:
        return True


setup(version=version(), cmdclass={"build_py": BuildNative}, distclass=NativeDistribution,
      options={"build": {"build_base": "build-python"}})
