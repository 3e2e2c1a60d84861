"""Runs the installed pycodestyle so that it reports what 2.5.0 reported.

Usage: pycodestyle25.py [--module PATH] [pycodestyle options] files...

The installed pycodestyle (2.6 or later, on the interpreter running this
script) reads the files, tokenizes them and builds logical lines exactly as
usual; only the checks whose verdict changed since 2.5.0 are swapped:
some for the 2.5 behaviour written anew (rules25), others kept and fed
tokens as Python 3.7 saw them or with their later findings removed.  Which
change is handled how is told in checks/STYLE-PROFILE.md.  Configuration
files are not read: the grader passes every option it means.
"""
import importlib.util
import keyword
import os
import sys
import tokenize


def load_file(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rules25 = load_file('rules25', os.path.join(
    os.path.dirname(os.path.abspath(__file__)), 'rules25.py'))

# Codes of each replaced check: an installed check reporting any of these
# is dropped, whatever its name in the installed version.
REPLACED = [
    ('physical_line', rules25.trailing_blank_lines, {'W391', 'W292'}),
    ('logical_line', rules25.blank_lines,
     {'E301', 'E302', 'E303', 'E304', 'E305', 'E306'}),
    ('logical_line', rules25.whitespace_before_comment,
     {'E261', 'E262', 'E265', 'E266'}),
    ('logical_line', rules25.missing_whitespace_after_import_keyword,
     {'E275'}),
    ('logical_line', rules25.whitespace_before_parameters, {'E211'}),
    ('logical_line', rules25.ambiguous_identifier, {'E741', 'E742', 'E743'}),
    ('logical_line', rules25.module_imports_on_top_of_file, {'E402'}),
    ('logical_line', rules25.comparison_negative, {'E713', 'E714'}),
    ('logical_line', rules25.comparison_type, {'E721'}),
    ('logical_line', rules25.python_3000_has_key,
     {'W601', 'W602', 'W603', 'W604'}),
    ('logical_line', rules25.python_3000_async_await_keywords, {'W606'}),
]
# Reported by later versions only.
NEW_CODES = ('E204',)
KEYWORD_OPERATORS = ('and', 'in', 'is', 'or')
SOFT_KEYWORDS = tuple(getattr(keyword, 'softkwlist', ()))
CONTINUATION_KEYWORDS = ('assert', 'raise', 'with')
FSTRING_START = getattr(tokenize, 'FSTRING_START', None)
FSTRING_END = getattr(tokenize, 'FSTRING_END', None)


def as_python37_tokens(tokens, lines):
    """Python 3.12+ splits an f-string into parts; 3.7 saw one string."""
    seen, opened = [], []
    for token in tokens:
        if token.type == FSTRING_START:
            opened.append(token)
        elif opened:
            if token.type == FSTRING_END:
                first = opened.pop()
                if not opened:
                    seen.append(tokenize.TokenInfo(
                        tokenize.STRING, source(lines, first.start, token.end),
                        first.start, token.end,
                        ''.join(lines[first.start[0] - 1:token.end[0]])))
        else:
            seen.append(token)
    return seen


def source(lines, start, end):
    if start[0] == end[0]:
        return lines[start[0] - 1][start[1]:end[1]]
    return lines[start[0] - 1][start[1]:] + \
        ''.join(lines[start[0]:end[0] - 1]) + lines[end[0] - 1][:end[1]]


def load_pycodestyle(path):
    if path is None:
        import pycodestyle
        return pycodestyle
    # A private copy of the module: its check registry is never shared.
    return load_file('pycodestyle', path)


def as_python37_operators(tokens):
    """What E225 saw in 2.5: 'and'/'in'/'is'/'or' were no operators, '@'
    was no arithmetic operator and soft keywords were plain names."""
    seen = []
    for token in tokens:
        if token.type == tokenize.NAME and token.string in KEYWORD_OPERATORS:
            token = token._replace(type=tokenize.NUMBER)
        elif token.type == tokenize.OP and token.string == '@':
            token = token._replace(string='.')
        elif token.type == tokenize.NAME and token.string in SOFT_KEYWORDS:
            token = token._replace(string='x' * len(token.string))
        seen.append(token)
    return seen


def without_continuation_keywords(tokens):
    """2.6 lets a continuation line align with what follows 'assert',
    'raise' or 'with'; 2.5 did not, so they are hidden from that check."""
    return [token._replace(string='x' * len(token.string))
            if token.type == tokenize.NAME and
            token.string in CONTINUATION_KEYWORDS else token
            for token in tokens]


def first_only(findings):
    """2.8 reports every comparison to a singleton; 2.5 the first."""
    for finding in findings:
        yield finding
        return


def without_tabs(logical_line, findings):
    """2.8 counts a tab as whitespace inside brackets; 2.5 only a space."""
    for offset, text in findings:
        if not (text[:4] in ('E201', 'E202', 'E203') and
                logical_line[offset:offset + 1] == '\t'):
            yield offset, text


def with_one_tuple_commas(logical_line, findings):
    """2.10 allows '[1,]'; 2.5 reported E231 for a ',' before ']'."""
    findings = list(findings)
    reported = {offset for offset, text in findings if text[:4] == 'E231'}
    for index in range(len(logical_line) - 1):
        if logical_line[index:index + 2] == ',]' and index not in reported:
            findings.append((index, "E231 missing whitespace after ','"))
    return findings


def with_tab_over_indent(arguments, findings):
    """2.6 allows one tab (8 columns) per level; 2.5 flagged over 4."""
    findings = list(findings)
    expected = arguments['previous_logical'].endswith(':')
    if arguments['indent_char'] == '\t' and expected and \
            arguments['indent_level'] > \
            arguments['previous_indent_level'] + 4 and \
            not any(text[:4] == 'E117' for _, text in findings):
        comment = '' if arguments['logical_line'] else ' (comment)'
        findings.append((0, 'E117 over-indented' + comment))
    return findings


class Adjustment:
    """Runs one installed logical-line check with its input or output
    changed, under the installed check's name and parameters (plus the
    few the adjustment needs)."""

    NEEDS = ('logical_line', 'tokens', 'previous_logical', 'indent_char',
             'indent_level', 'previous_indent_level')

    def __init__(self, check, parameters, codes):
        self.check = check
        self.parameters = list(parameters)
        self.codes = codes
        self.names = self.parameters + [
            name for name in self.NEEDS if name not in self.parameters]

    def __call__(self, *values):
        arguments = dict(zip(self.names, values))
        if 'tokens' in self.parameters:
            arguments['tokens'] = self.tokens(arguments['tokens'])
        findings = self.check(
            *[arguments[name] for name in self.parameters]) or ()
        findings = (finding for finding in findings
                    if finding[1][:4] not in NEW_CODES)
        return self.findings(arguments, findings)

    def tokens(self, tokens):
        if 'E225' in self.codes:
            tokens = as_python37_operators(tokens)
        if 'E128' in self.codes:
            tokens = without_continuation_keywords(tokens)
        return tokens

    def findings(self, arguments, findings):
        line = arguments['logical_line']
        if 'E712' in self.codes:
            findings = first_only(findings)
        if 'E201' in self.codes:
            findings = without_tabs(line, findings)
        if 'E231' in self.codes:
            findings = with_one_tuple_commas(line, findings)
        if 'E112' in self.codes:
            findings = with_tab_over_indent(arguments, findings)
        return findings


def profile_checks(pycodestyle, kind, installed):
    """The installed (name, check, parameters) list, 2.5's way."""
    registry = pycodestyle._checks[kind]
    checks = []
    for name, check, parameters in installed:
        codes = set(registry.get(check, ((), None))[0])
        if any(codes & replaced for _, _, replaced in REPLACED):
            continue
        if kind == 'logical_line':
            adjusted = Adjustment(check, parameters, codes)
            checks.append((name, adjusted, adjusted.names))
        else:
            checks.append((name, check, parameters))
    for replaced_kind, check, _ in REPLACED:
        if replaced_kind == kind:
            parameters = pycodestyle._get_parameters(check)
            checks.append((check.__name__ + '_25', check, parameters))
    return sorted(checks, key=lambda entry: entry[0])


def checker_class(pycodestyle):
    class Checker25(pycodestyle.Checker):
        """2.5 on Python 3.7 checked the last line of a file without a
        newline as an empty line (the line of the implicit NEWLINE)."""

        def maybe_check_physical(self, token, *rest):
            if token.type == tokenize.NEWLINE and token.string == '':
                self.check_physical('')
            else:
                super().maybe_check_physical(token, *rest)

        def check_logical(self):
            self.tokens = as_python37_tokens(self.tokens, self.lines)
            return super().check_logical()

    return Checker25


def main(arguments):
    module_path = None
    if arguments[:1] == ['--module']:
        module_path, arguments = arguments[1], arguments[2:]
    options = [argument for argument in arguments if argument[:1] == '-']
    files = [argument for argument in arguments if argument[:1] != '-']
    pycodestyle = load_pycodestyle(module_path)
    style = pycodestyle.StyleGuide(
        paths=options, parse_argv=False, config_file=False,
        checker_class=checker_class(pycodestyle))
    style.options.physical_checks = profile_checks(
        pycodestyle, 'physical_line', style.options.physical_checks)
    style.options.logical_checks = profile_checks(
        pycodestyle, 'logical_line', style.options.logical_checks)
    report = style.check_files(files)
    sys.stdout.flush()
    return 1 if report.total_errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
