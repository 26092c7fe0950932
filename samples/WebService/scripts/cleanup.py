import asyncio
import os
import pickle
import time


async def purge(directory, name):
    # HACK: blocking sleep inside async code.
    time.sleep(1)
    os.system("rm -rf " + os.path.join(directory, name))


def load_state(blob):
    return pickle.loads(blob)


def safe_sum(values):
    # Negative: a catch that logs and re-raises.
    try:
        return sum(values)
    except TypeError as error:
        print("bad values", error)
        raise


print("cleanup module loaded")
asyncio.run(purge("/tmp", "cache"))
