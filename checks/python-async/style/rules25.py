"""The checks whose verdict changed after pycodestyle 2.5.0, written anew.

Each function is a pycodestyle check: pycodestyle calls it with the
arguments its parameters name, and it yields (offset, text) findings the
way pycodestyle 2.5.0 did on Python 3.7.  The behaviour was learnt from
2.5.0's documentation and output on the grader's style corpus; none of its
code is reused.  The tokens are those Python 3.7 gave: the runner merges
3.12's f-string parts back into one string and splits ':='.
"""
import keyword
import tokenize

TOP_LEVEL_BLANK_LINES = 2
METHOD_BLANK_LINES = 1
AMBIGUOUS_NAMES = ('l', 'O', 'I')
SINGLETONS = ('False', 'None', 'True')
INLINE_COMMENT_WHITESPACE = (' ', '\t')
ASYNC_FOLLOWERS = ('def', 'with', 'for')


def expand_indent(line):
    """Indent width as 2.5 measured it: a line's newline counts when the
    line holds only spaces (2.5 did not strip it first)."""
    if '\t' not in line:
        return len(line) - len(line.lstrip())
    width = 0
    for char in line:
        if char == '\t':
            width = width // 8 * 8 + 8
        elif char == ' ':
            width += 1
        else:
            break
    return width


def starts_definition(line):
    """def, async def, class or a decorator: what E301/E302 look for."""
    if line.startswith('@'):
        return True
    words = line.split(None, 2)
    if len(words) < 2:
        return False
    if words[0] in ('def', 'class'):
        return True
    return words[0] == 'async' and words[1] == 'def' and len(words) > 2


def starts_string(line):
    """A docstring-like line: an optional u, an optional r, a quote."""
    rest = line[1:] if line[:1] == 'u' else line
    rest = rest[1:] if rest[:1] == 'r' else rest
    return rest[:1] in ('"', "'")


def blank_lines(logical_line, blank_lines, indent_level, line_number,
                blank_before, previous_logical,
                previous_unindented_logical_line, previous_indent_level,
                lines):
    """E301-E306.  2.5 let any line among the first two go without blank
    lines, and took a definition for a one-liner whenever the lines on
    either side were not indented deeper."""
    if line_number <= TOP_LEVEL_BLANK_LINES and not previous_logical:
        return
    if previous_logical.startswith('@'):
        if blank_lines:
            yield 0, "E304 blank lines found after function decorator"
        return
    if blank_lines > TOP_LEVEL_BLANK_LINES or (
            indent_level and blank_lines == METHOD_BLANK_LINES + 1):
        yield 0, "E303 too many blank lines (%d)" % blank_lines
        return
    if starts_definition(logical_line):
        before = lines[line_number - 2] if line_number >= 2 else ''
        after = lines[line_number] if line_number < len(lines) else ''
        if expand_indent(before) <= indent_level and \
                expand_indent(after) <= indent_level:
            return
        if not indent_level:
            if blank_before != TOP_LEVEL_BLANK_LINES:
                yield 0, "E302 expected %d blank lines, found %d" % (
                    TOP_LEVEL_BLANK_LINES, blank_before)
            return
        if blank_before == METHOD_BLANK_LINES or \
                previous_indent_level < indent_level or \
                starts_string(previous_logical):
            return
        if inside_function(lines, line_number, indent_level):
            yield 0, "E306 expected %d blank line before a nested " \
                "definition, found 0" % METHOD_BLANK_LINES
        else:
            yield 0, "E301 expected %d blank line, found 0" % (
                METHOD_BLANK_LINES)
    elif logical_line and not indent_level and \
            blank_before != TOP_LEVEL_BLANK_LINES and \
            previous_unindented_logical_line.startswith(('def ', 'class ')):
        yield 0, "E305 expected %d blank lines after class or function " \
            "definition, found %d" % (TOP_LEVEL_BLANK_LINES, blank_before)


def inside_function(lines, line_number, indent_level):
    """Walks up to the enclosing block; 2.5 recognised only plain def."""
    level = indent_level
    for line in reversed(lines[:line_number - 1]):
        if line.strip() and expand_indent(line) < level:
            level = expand_indent(line)
            if line.lstrip().startswith('def '):
                return True
            if level == 0:
                return False
    return False


def trailing_blank_lines(physical_line, lines, line_number, total_lines):
    """W391/W292.  2.5 stripped every kind of whitespace from the last
    line, so a last line of spaces was blank and one ending in spaces had
    no W292."""
    if line_number != total_lines:
        return None
    stripped = physical_line.rstrip()
    if physical_line and not stripped:
        return 0, "W391 blank line at end of file"
    if stripped == physical_line:
        return len(lines[-1]), "W292 no newline at end of file"
    return None


def whitespace_before_comment(logical_line, tokens):
    """E261, E262, E265, E266.  2.5 split a comment at its first plain
    space: a non-breaking space right after '#' was part of the symbol."""
    previous_end = (0, 0)
    for token in tokens:
        if token.type == tokenize.NL:
            continue
        if token.type != tokenize.COMMENT:
            previous_end = token.end
            continue
        inline = bool(token.line[:token.start[1]].strip())
        if inline and previous_end[0] == token.start[0] and \
                token.start[1] < previous_end[1] + 2:
            yield previous_end, \
                "E261 at least two spaces before inline comment"
        symbol, _, comment = token.string.partition(' ')
        bad_prefix = symbol not in '#:' and (symbol.lstrip('#')[:1] or '#')
        if inline:
            if bad_prefix or comment[:1] in INLINE_COMMENT_WHITESPACE:
                yield token.start, \
                    "E262 inline comment should start with '# '"
        elif bad_prefix and (bad_prefix != '!' or token.start[0] > 1):
            if bad_prefix != '#':
                yield token.start, \
                    "E265 block comment should start with '# '"
            elif comment:
                yield token.start, \
                    "E266 too many leading '#' for block comment"


def missing_whitespace_after_import_keyword(logical_line, tokens):
    """E275.  2.5 knew it only for 'from x import(y)'."""
    if len(tokens) < 2 or tokens[0].string != 'from' or \
            tokens[0].end == tokens[1].start:
        return
    for before, word, after in zip(tokens, tokens[1:], tokens[2:]):
        if word.string == 'import' and after.string == '(' and \
                word.end == after.start and before.end != word.start:
            yield after.start, "E275 missing whitespace after keyword"
            return


def whitespace_before_parameters(logical_line, tokens):
    """E211.  Python 3.7 had no soft keywords: 'match (x)' was a call."""
    for index in range(1, len(tokens)):
        previous, token = tokens[index - 1], tokens[index]
        if token.type == tokenize.OP and token.string in ('(', '[') and \
                token.start != previous.end and \
                (previous.type == tokenize.NAME or
                 previous.string in ('}', ']', ')')) and \
                (index < 2 or tokens[index - 2].string != 'class') and \
                not keyword.iskeyword(previous.string):
            yield previous.end, "E211 whitespace before '%s'" % token.string


def ambiguous_identifier(logical_line, tokens):
    """E741-E743.  2.5 flagged a name left of any operator holding '='
    (so keyword arguments and comparisons too) and after as, global and
    nonlocal, but not loop targets, comprehensions or bare parameters."""
    for previous, token in zip(tokens, tokens[1:]):
        name = position = None
        if token.type == tokenize.OP and '=' in token.string and \
                previous.string in AMBIGUOUS_NAMES:
            name, position = previous.string, previous.start
        if previous.string in ('as', 'global', 'nonlocal') and \
                token.string in AMBIGUOUS_NAMES:
            name, position = token.string, token.start
        if token.string in AMBIGUOUS_NAMES:
            if previous.string == 'class':
                yield token.start, \
                    "E742 ambiguous class definition '%s'" % token.string
            if previous.string == 'def':
                yield token.start, \
                    "E743 ambiguous function definition '%s'" % token.string
        if name:
            yield position, "E741 ambiguous variable name '%s'" % name


def module_imports_on_top_of_file(logical_line, indent_level,
                                  checker_state, noqa):
    """E402.  2.5 let only try/except/else/finally, a docstring and
    untyped '__name__ = ' assignments come before an import."""
    if indent_level or not logical_line or noqa:
        return
    if logical_line.startswith(('import ', 'from ')):
        if checker_state.get('seen_non_imports'):
            yield 0, "E402 module level import not at top of file"
    elif is_untyped_dunder(logical_line) or logical_line.startswith(
            ('try', 'except', 'else', 'finally')):
        return
    elif is_string_literal(logical_line):
        key = 'seen_non_imports' if checker_state.get('seen_docstring') \
            else 'seen_docstring'
        checker_state[key] = True
    else:
        checker_state['seen_non_imports'] = True


def is_untyped_dunder(line):
    name, _, rest = line.partition(' ')
    return len(name) > 4 and name.startswith('__') and \
        name.endswith('__') and rest.startswith('= ')


def is_string_literal(line):
    rest = line[1:] if line[:1] in 'uUbB' else line
    rest = rest[1:] if rest[:1] in 'rR' else rest
    return rest[:1] in ('"', "'") and bool(rest)


def comparison_negative(logical_line, noqa):
    """E713/E714: the first 'not X in' or 'not X is', even when the 'not'
    belongs to an 'is not' before it (2.6 stopped flagging those)."""
    if noqa:
        return
    line = logical_line
    for start in range(len(line) - 2):
        if line[start:start + 3] != 'not' or \
                start and is_word_char(line[start - 1]):
            continue
        operand = skip_spaces(line, start + 3)
        if operand == start + 3:
            continue
        end = operand
        while end < len(line) and line[end] not in '[](){} ':
            end += 1
        word = skip_spaces(line, end)
        if end == operand or word == end:
            continue
        if line[word:word + 2] in ('in', 'is') and \
                line[word + 2:word + 3].isspace():
            if line[word:word + 2] == 'in':
                yield start, "E713 test for membership should be 'not in'"
            else:
                yield start, \
                    "E714 test for object identity should be 'is not'"
            return


def comparison_type(logical_line, noqa):
    """E721.  2.5 looked for '==', '!=', 'is' or 'is not' followed by
    type(...) or types.XType anywhere, even inside a name ('istype(')."""
    if noqa:
        return
    line = logical_line
    for start in range(len(line) - 1):
        for after_operator in operator_ends(line, start):
            found = type_call_argument(line, skip_spaces(line, after_operator))
            if found is None:
                continue
            if found and found.isidentifier() and found not in SINGLETONS:
                return
            yield start, "E721 do not compare types, use 'isinstance()'"
            return


def operator_ends(line, start):
    if line[start:start + 2] in ('==', '!='):
        return [start + 2]
    if line[start:start + 2] != 'is':
        return []
    after_spaces = skip_spaces(line, start + 2)
    if after_spaces > start + 2 and line[after_spaces:after_spaces + 3] \
            == 'not':
        return [after_spaces + 3, start + 2]
    return [start + 2]


def type_call_argument(line, index):
    """'' for types.XType, the call's argument for type(...), else None."""
    if line[index:index + 4] != 'type':
        return None
    rest = index + 4
    if line[rest:rest + 1] == 's' and rest + 2 < len(line):
        word_end = rest + 2
        while word_end < len(line) and is_word_char(line[word_end]):
            word_end += 1
        if line.find('Type', rest + 3, word_end) >= 0:
            return ''
    opening = skip_spaces(line, rest)
    if line[opening:opening + 1] != '(':
        return None
    closing = line.find(')', opening)
    argument = line[opening + 1:closing].strip() if closing >= 0 else ''
    return argument or None


def skip_spaces(line, index):
    while index < len(line) and line[index].isspace():
        index += 1
    return index


def is_word_char(char):
    return char.isalnum() or char == '_'


def python_3000_has_key(logical_line, tokens, noqa):
    """W601 (removed in 2.10): the first '.has_key(' call."""
    for dot, name, opening in zip(tokens, tokens[1:], tokens[2:]):
        if dot.string == '.' and name.string == 'has_key' and \
                opening.string == '(' and dot.end == name.start and \
                name.end == opening.start and not noqa:
            yield dot.start, "W601 .has_key() is deprecated, use 'in'"
            return


def python_3000_async_await_keywords(logical_line, tokens):
    """W606 (removed in 2.11): 'async' not followed by def/with/for,
    'await' followed by neither a name nor '(', or either word right
    after def or for."""
    message = "W606 'async' and 'await' are reserved keywords starting " \
        "with Python 3.7"
    pending = None
    for token in tokens:
        if token.type == tokenize.NL:
            continue
        if pending is None:
            if token.type == tokenize.NAME and token.string in (
                    'async', 'await', 'def', 'for'):
                pending = (token.string, token.start)
            continue
        word, start = pending
        pending = None
        if word == 'async':
            wrong = not (token.type == tokenize.NAME and
                         token.string in ASYNC_FOLLOWERS)
        elif word == 'await':
            wrong = not (token.type == tokenize.NAME or token.string == '(')
        else:
            wrong = token.type == tokenize.NAME and \
                token.string in ('async', 'await')
        if wrong:
            yield start, message
    if pending is not None:
        yield pending[1], message
