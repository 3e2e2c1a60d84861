x = 1 # one space
y = 2  #no space
#!not a shebang
#: okay
