"""The shell completions, loaded in bash, zsh and fish themselves: each completes a
subcommand and an option. zsh runs in a pseudo-terminal with compinit, and its compadd is
wrapped to record what the completion offers. A shell that is not installed is skipped
(scripts/setup.sh --test installs them)."""
import os
import re
import pty
import select
import shutil
import signal
import subprocess
import time

from cli_support import WXLINT, TempDirTest, main, write

CHECK = "Lint JSON payloads (files, directories searched for *.json, or - for stdin)."
FORMAT = "Output format: text, json, sarif, github, gitlab, junit (default: github under GitHub Actions, else text)"
INFO = "What a snapshot holds: kinds, counts, age and its own inconsistencies."

# compadd -O stores the words that match what is typed instead of adding them: the wrapper
# records those, then adds them as the completion asked.
ZSHRC = """
PS1='READY> '
fpath=({functions} $fpath)
autoload -U compinit && compinit -u -d {dir}/.zcompdump
{load}
compadd() {{
  local -a __hits
  builtin compadd -O __hits "$@"
  (( $#__hits )) && print -rl -- $__hits >> {dir}/hits
  builtin compadd "$@"
}}
print -r -- LOADED
"""


def script(shell):
    return subprocess.run([WXLINT, "completions", shell], capture_output=True, text=True, check=True).stdout


class Shells(TempDirTest):
    def need(self, shell):
        path = shutil.which(shell)
        if not path:
            self.skipTest(f"{shell} is not installed (scripts/setup.sh --test installs it)")
        return path

    # bash: the function `complete -F` registered, called as readline calls it.
    def bash(self, *words):
        file = write(self.path("wxlint.bash"), script("bash"))
        line = " ".join(words)
        probe = (f"source {file}\n"
                 "[[ $(complete -p wxlint) == *'-F _wxlint wxlint' ]] || echo 'not registered'\n"
                 f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; COMP_LINE='{line}'; COMP_POINT={len(line)}\n"
                 f"_wxlint wxlint {words[-1]} {words[-2]}\n"
                 "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
        r = subprocess.run([self.need("bash"), "--norc", "--noprofile", "-c", probe], capture_output=True, text=True,
                           timeout=60)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        return r.stdout.splitlines()

    def test_bash(self):
        self.assertEqual(self.bash("wxlint", "ch"), ["check"])
        self.assertEqual(self.bash("wxlint", "check", "--for"), ["--format"])
        self.assertEqual(self.bash("wxlint", "snapshot", "i"), ["info"])
        self.assertEqual(self.bash("wxlint", "snapshot", "info", "--reg"), ["--region"])  # a command's command's options

    def fish(self, line):
        file = write(self.path("wxlint.fish"), script("fish"))
        r = subprocess.run([self.need("fish"), "--no-config", "-c", f"source {file}; complete -C '{line}'"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        return r.stdout.splitlines()

    def test_fish_options_take_a_value_and_flags_none(self):
        # -r (a value is required) on a flag made fish take the next word as --fix's value.
        lines = {re.search(r" -l (\S+)", l).group(1): l for l in script("fish").splitlines()
                 if "__fish_seen_subcommand_from check'" in l and " -l " in l}
        self.assertEqual(sorted(name for name, l in lines.items() if " -r " not in l),
                         ["diff", "exit-zero", "fix", "help", "no-config", "only-payloads", "quiet", "statistics",
                          "unsafe-fixes", "version"])

    def test_fish(self):
        self.assertEqual(self.fish("wxlint ch"), ["check\t" + CHECK])
        self.assertEqual(self.fish("wxlint check --for"), ["--format\t" + FORMAT])
        self.assertEqual(self.fish("wxlint snapshot in"), ["info\t" + INFO])
        self.assertEqual([l.split("\t")[0] for l in self.fish("wxlint snapshot info --reg")], ["--region"])

    def zsh(self, typed, installed=True):
        """What zsh's completion offers after `typed` and a Tab: the completion is autoloaded
        from fpath as `cmake --install` puts it (share/zsh/site-functions/_wxlint), or sourced."""
        zsh = self.need("zsh")
        functions = self.path("site-functions")
        write(os.path.join(functions, "_wxlint"), script("zsh") if installed else "")
        load = "" if installed else f"source {write(self.path('wxlint.zsh'), script('zsh'))}"
        write(self.path(".zshrc"), ZSHRC.format(functions=functions, dir=self.dir, load=load))
        hits = self.path("hits")
        if os.path.exists(hits):
            os.remove(hits)
        environ = {"HOME": self.dir, "ZDOTDIR": self.dir, "TERM": "xterm", "PATH": os.environ.get("PATH", "")}
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(zsh, [zsh, "-i"], environ)
        output = b""
        try:
            def read_until(done, seconds):
                nonlocal output
                end = time.monotonic() + seconds
                while not done() and time.monotonic() < end:
                    if select.select([fd], [], [], 0.1)[0]:
                        try:
                            output += os.read(fd, 65536)
                        except OSError:
                            break
                return done()

            self.assertTrue(read_until(lambda: b"READY> " in output.split(b"LOADED", 1)[-1] and b"LOADED" in output, 30),
                            output.decode(errors="replace"))
            os.write(fd, typed.encode() + b"\t")
            read_until(lambda: os.path.exists(hits), 30)
            read_until(lambda: False, 0.5)  # the rest of the matches
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)
        self.assertNotIn(b"bashcompinit", output)
        self.assertNotIn(b"command not found", output)
        if not os.path.exists(hits):
            self.fail("zsh offered nothing: " + output.decode(errors="replace"))
        with open(hits, encoding="utf-8") as f:
            return sorted(set(f.read().split()))

    def test_zsh_installed(self):
        self.assertEqual(self.zsh("wxlint ch"), ["check"])
        self.assertEqual(self.zsh("wxlint check --for"), ["--format"])
        self.assertEqual(self.zsh("wxlint snapshot i"), ["info"])
        self.assertEqual(self.zsh("wxlint snapshot info --reg"), ["--region"])

    def test_zsh_sourced(self):
        self.assertEqual(self.zsh("wxlint ex", installed=False), ["explain"])
        self.assertEqual(self.zsh("wxlint rules --rules-", installed=False), ["--rules-dir"])

    def test_zsh_script_is_a_native_function(self):
        text = script("zsh")
        self.assertTrue(text.startswith("#compdef wxlint\n"), text[:40])
        self.assertNotIn("bashcompinit", text)
        self.assertNotIn("complete ", text)


if __name__ == "__main__":
    main()
