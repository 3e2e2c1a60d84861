x = "\d"
y = """
\w
"""
z = b"\q" + "ok"
