"""Numbering plans in the CLI: --region, the config's "region", --version's metadata line,
and the plan rules' findings (run as `python3 FILE /path/to/wxlint`)."""
import unittest

from cli_support import LOCATION, USER_1, TempDirTest, main, run, write

NOT_E164 = ('p.json:9:26: error[1026017]: Phone number is not in e164 format: "020 7946 0000"; write + and the '
            'country code, 2 to 15 digits in all, with no spaces or dashes.{hint} (move-users/phone-number-e164)\n')
IN_GB = " Its E.164 form would be +442079460000."


def payload(number):
    return {"usersList": [{"locationId": LOCATION, "validate": False,
                           "users": [{"userId": USER_1, "phoneNumber": number}]}]}


class RegionTest(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("p.json"), payload("020 7946 0000"))

    def check(self, *args):
        return run("check", "-q", *args, "p.json", cwd=self.dir)

    def test_without_a_region_no_e164_form_is_guessed(self):
        r = self.check("--no-config")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, NOT_E164.format(hint=""), ""))

    def test_region_option(self):
        for region in ("GB", "gb"):
            with self.subTest(region=region):
                r = self.check("--no-config", "--region", region)
                self.assertEqual((r.returncode, r.stdout, r.stderr), (1, NOT_E164.format(hint=IN_GB), ""))

    def test_config_region_and_the_option_replacing_it(self):
        write(self.path(".wxlint.json"), {"region": "GB"})
        r = self.check()
        self.assertEqual((r.returncode, r.stdout), (1, NOT_E164.format(hint=IN_GB)))
        r = self.check("--region", "US")  # read in the US, 020 is no area code
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, NOT_E164.format(hint="") +
                         'p.json:9:26: warning[WX2007]: Phone number "020 7946 0000" is not valid in its numbering plan: '
                         'it is too long for the North American plan. (move-users/phone-number-plan)\n')

    def test_unknown_region_option(self):
        r = self.check("--no-config", "--region", "XX")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertEqual(r.stderr, 'wxlint: --region: "XX" is not a region code of the numbering plans (two letters, '
                                   'such as US, GB or DE)\n')

    def test_unknown_region_in_config_names_its_place(self):
        write(self.path(".wxlint.json"), '{\n  "region": "Atlantis"\n}\n')
        r = self.check()
        self.assertEqual(r.returncode, 2)
        self.assertIn('.wxlint.json:2:13: /region: "Atlantis" is not a region code of the numbering plans', r.stderr)

    def test_region_of_the_wrong_type_in_config(self):
        write(self.path(".wxlint.json"), '{"region": 44}')
        r = self.check()
        self.assertEqual(r.returncode, 2)
        self.assertIn("/region", r.stderr)


class PlanFindingsTest(TempDirTest):
    def test_cisco_example_and_unknown_country_code(self):
        write(self.path("a.json"), payload("+18947028597"))
        write(self.path("b.json"), payload("+999123"))
        r = run("check", "-q", "--no-config", "a.json", "b.json", cwd=self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout,
                         'a.json:9:26: warning[WX2007]: Phone number "+18947028597" is not valid in its numbering plan: '
                         '894 is not an assigned area code in the North American plan. (move-users/phone-number-plan)\n'
                         'b.json:9:26: error[WX2006]: Phone number "+999123" has no country calling code: none of +9, +99 '
                         'and +999 is a country calling code. The API needs E.164: + and the country code, then the '
                         'number. (move-users/phone-number-country)\n')

    def test_valid_numbers_pass(self):
        write(self.path("p.json"), payload("+14085267209"))
        r = run("check", "--no-config", "p.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_explain(self):
        for code in ("WX2006", "WX2007", "WX3050", "WX3051"):
            with self.subTest(code=code):
                r = run("explain", code)
                self.assertEqual(r.returncode, 0)
                self.assertIn("numbering plan", r.stdout)


class VersionTest(unittest.TestCase):
    def test_version_names_the_metadata(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"\Awxlint \d+\.\d+\.\d+\nnumbering plans: libphonenumber 8\.12\.57 metadata\n\Z")


if __name__ == "__main__":
    main()
