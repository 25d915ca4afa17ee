"""A numbering-plan module that cannot be loaded is reported (WX0021), never a silent pass;
WXLINT_PLAN_MODULE points wxlint at the module (run as `python3 FILE /path/to/wxlint`)."""
import json
import os
import random
import re
import shutil
import unittest

from cli_support import LOCATION, USER_1, WXLINT, TempDirTest, env, main, run, write
from test_phone_plan import payload

MODULE = os.path.join(os.path.dirname(WXLINT), "wxlint-numbering-plan.so")
UNAVAILABLE = ("{file}:1:1: error[WX0021]: The numbering-plan module could not be loaded ({reason}), so WX2006 and "
               "WX2007 judged no phone number in this file. Install wxlint together with its module "
               "wxlint-numbering-plan.so, or set WXLINT_PLAN_MODULE to its path; or turn those rules off in "
               ".wxlint.json. (numbering-plan/unavailable)\n")
NO_COUNTRY = ('{file}:9:26: error[WX2006]: Phone number "+999123" has no country calling code: none of +9, +99 and '
              '+999 is a country calling code. The API needs E.164: + and the country code, then the number. '
              '(move-users/phone-number-country)\n')


class ModuleTest(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("a.json"), payload("+999123"))
        write(self.path("b.json"), payload("+14085267209"))

    def check(self, module, *args):
        return run("check", "-q", *args, cwd=self.dir, environ=env(WXLINT_PLAN_MODULE=module))

    def test_missing_module_is_an_error_in_each_file_with_plan_rules(self):
        missing = self.path("gone", "wxlint-numbering-plan.so")
        # create-location has no plan rule: nothing to say about it.
        shutil.copy(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                 "examples", "create-location.envelope.json"), self.path("c.json"))
        r = self.check(missing, "--no-config", "a.json", "b.json", "c.json")
        reason = "no numbering-plan module at " + missing
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout, UNAVAILABLE.format(file="a.json", reason=reason) +
                         UNAVAILABLE.format(file="b.json", reason=reason))

    def test_a_file_that_is_no_shared_object_quotes_the_loader(self):
        bad = write(self.path("broken.so"), "not an ELF file, but longer than an ELF header would be. " * 3 + "\n")
        r = self.check(bad, "--no-config", "b.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, UNAVAILABLE.format(file="b.json", reason=bad + ": invalid ELF header"))

    def test_a_shared_object_that_is_not_the_module(self):
        other = os.path.join(os.path.dirname(WXLINT), "libwxlint.so")
        r = self.check(other, "--no-config", "b.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, UNAVAILABLE.format(
            file="b.json", reason=other + " is not a numbering-plan module of this wxlint"))

    def test_in_the_json_report(self):
        missing = self.path("nowhere.so")
        r = self.check(missing, "--no-config", "--format", "json", "b.json")
        self.assertEqual(r.returncode, 1)
        [d] = json.loads(r.stdout)["files"][0]["diagnostics"]
        self.assertEqual(d, {"code": "WX0021", "severity": "error", "rule": "numbering-plan/unavailable",
                             "pointer": "", "line": 1, "column": 1, "endLine": 14, "endColumn": 2,
                             "message": UNAVAILABLE.format(file="", reason="no numbering-plan module at " + missing)
                             [len(":1:1: error[WX0021]: "):-len(" (numbering-plan/unavailable)\n")]})

    def test_quiet_when_the_plan_rules_are_off(self):
        write(self.path(".wxlint.json"), {"rules": {"WX2006": "off", "move-users/phone-number-plan": "off"}})
        r = self.check(self.path("nowhere.so"), "a.json", "b.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_one_plan_rule_left_on_is_named_alone(self):
        write(self.path(".wxlint.json"), {"rules": {"WX2006": "off"}})
        r = self.check(self.path("nowhere.so"), "b.json")
        self.assertEqual(r.returncode, 1)
        self.assertIn("), so WX2007 judged no phone number in this file.", r.stdout)

    def test_region_needs_the_module(self):
        missing = self.path("nowhere.so")
        r = self.check(missing, "--no-config", "--region", "GB", "b.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("region: cannot be checked without the numbering-plan module: no numbering-plan module at " +
                      missing, r.stderr)

    def test_version_says_a_module_that_cannot_load_is_unavailable(self):
        # It named the metadata, though --region then failed and no number was judged.
        missing = self.path("nowhere.so")
        bad = write(self.path("broken.so"), "not an ELF file, but longer than an ELF header would be. " * 3 + "\n")
        for module, reason in [(missing, "no numbering-plan module at " + missing), (bad, bad + ": invalid ELF header")]:
            for args in (["--version"], ["check", "--version"]):
                with self.subTest(module=module, args=args):
                    r = run(*args, environ=env(WXLINT_PLAN_MODULE=module))
                    self.assertEqual((r.returncode, r.stderr), (0, ""))
                    self.assertRegex(r.stdout, r"\Awxlint \d+\.\d+\.\d+\nnumbering plans: unavailable \(" + re.escape(reason) +
                                     r"\)\n\Z")
        r = run("--version", environ=env(WXLINT_PLAN_MODULE=MODULE))
        self.assertRegex(r.stdout, r"\Awxlint \d+\.\d+\.\d+\nnumbering plans: libphonenumber 8\.12\.57 metadata\n\Z")

    def test_the_variable_names_the_module_to_load(self):
        self.assertTrue(os.path.isfile(MODULE), MODULE)
        moved = self.path("lib", "plan.so")
        os.makedirs(os.path.dirname(moved))
        shutil.copy(MODULE, moved)
        r = self.check(moved, "--no-config", "a.json", "b.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, NO_COUNTRY.format(file="a.json"), ""))

    def test_without_the_variable_the_module_beside_the_program_loads(self):
        e = env()
        e.pop("WXLINT_PLAN_MODULE", None)
        r = run("check", "-q", "--no-config", "a.json", cwd=self.dir, environ=e)
        self.assertEqual((r.returncode, r.stdout), (1, NO_COUNTRY.format(file="a.json")))

    def test_explain(self):
        r = run("explain", "WX0021")
        self.assertEqual(r.returncode, 0)
        self.assertIn("numbering-plan/unavailable", r.stdout)
        self.assertIn("WXLINT_PLAN_MODULE", r.stdout)
        self.assertIn('"rules": {"WX2006": "off", "WX2007": "off"}', r.stdout)


# Valid numbers of many plans, to vary: their neighbours are valid or not, range by range.
SEEDS = ["+14085267209", "+16172531000", "+12125550123", "+18632520486", "+14165550123", "+18762345678",
         "+442079460000", "+447400123456", "+353212345678", "+4930123456", "+4915123456789", "+33123456789",
         "+34912345678", "+390612345678", "+31201234567", "+46812345678", "+4721234567", "+4532123456",
         "+41441234567", "+43123456789", "+48123456789", "+919876543210", "+861012345678", "+81312345678",
         "+82212345678", "+61212345678", "+64912345678", "+5511912345678", "+525512345678", "+27211234567",
         "+2348012345678", "+20212345678", "+97141234567", "+966112345678", "+74951234567", "+380441234567",
         "+6512345678", "+85212345678", "+80012345678", "+88213123456", "+79123456789", "+35818123456"]


class FastMatcherTest(TempDirTest):
    """The module judges validity with RE2 over libphonenumber's own metadata; with
    WXLINT_PLAN_REFERENCE=1 it asks libphonenumber. Both must give the same findings."""

    def test_same_findings_as_libphonenumber(self):
        rng = random.Random(13)
        numbers = []
        for seed in SEEDS:
            for _ in range(150):  # the last digits varied
                k = rng.randint(1, 5)
                numbers.append(seed[:-k] + "".join(rng.choice("0123456789") for _ in range(k)))
            for _ in range(20):  # a digit dropped or added
                cut = rng.randint(3, len(seed) - 1)
                numbers.append(seed[:cut] + seed[cut + 1:] if rng.random() < 0.5 else seed[:cut] + rng.choice("0123456789") + seed[cut:])
        for _ in range(4000):  # any country code, any length
            numbers.append("+" + str(rng.randint(1, 999)) + "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 12))))
        for _ in range(1000):  # national formats, read in GB
            numbers.append("0" + "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 11))))
        users = [{"userId": USER_1, "phoneNumber": n} for n in numbers]
        write(self.path("p.json"), {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]})
        write(self.path(".wxlint.json"), {"settings": {"maxFindingsPerRule": 100000}})
        fast = run("check", "-q", "--region", "GB", "p.json", cwd=self.dir)
        reference = run("check", "-q", "--region", "GB", "p.json", cwd=self.dir, environ=env(WXLINT_PLAN_REFERENCE="1"))
        self.assertEqual((fast.returncode, fast.stderr), (1, ""))
        self.assertEqual(fast.stdout, reference.stdout)
        # The corpus holds valid and invalid numbers of many plans, and unknown country codes.
        plan = fast.stdout.count("warning[WX2007]")
        self.assertGreater(plan, 3000)
        self.assertLess(plan, len(numbers) - 3000)
        self.assertGreater(fast.stdout.count("error[WX2006]"), 300)
        self.assertGreater(fast.stdout.count("Its E.164 form would be +44"), 20)


if __name__ == "__main__":
    main()
