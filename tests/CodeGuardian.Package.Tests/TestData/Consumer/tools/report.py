import sys


def main():
    # TODO: py task tag in a comment
    text = "TODO: py text inside a string"
    return len(text)


if __name__ == "__main__":
    sys.exit(main())
