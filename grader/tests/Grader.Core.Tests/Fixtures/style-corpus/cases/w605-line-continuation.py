x = "a\
\d"
