# TODO: py task tag in a file the project adds itself
VALUE = 1
