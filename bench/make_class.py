#!/usr/bin/env python3
"""Write a class of COUNT generated submissions into TARGET, for the batch benchmarks.

Usage: make_class.py TARGET COUNT (run from the repository's root). Half are the reference solution, half the
gallery's faulty cases in turn; one in five is zipped (modes kept), another one in five is a git repository.
"""
import os, shutil, subprocess, sys, zipfile
target, count = sys.argv[1], int(sys.argv[2])
gallery = "grader/tests/Grader.Core.Tests/Fixtures/submissions"
# Half correct, half faulty: every other student hands in the reference solution.
faulty = sorted(d for d in os.listdir(gallery) if os.path.isdir(os.path.join(gallery, d))
                and d not in ("busy-loop-in-coroutine", "endless-loop-at-import"))
os.makedirs(target)
env = dict(os.environ, GIT_AUTHOR_NAME="s", GIT_AUTHOR_EMAIL="s@example.invalid",
           GIT_COMMITTER_NAME="s", GIT_COMMITTER_EMAIL="s@example.invalid")
for i in range(count):
    source = "reference-solution/python" if i % 2 == 0 else os.path.join(gallery, faulty[(i // 2) % len(faulty)])
    student = "student-%03d" % i
    folder = os.path.join(target, student)
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("expected.json", "mains"))
    if i % 5 == 1:  # zipped, modes kept
        with zipfile.ZipFile(folder + ".zip", "w") as archive:
            for name in sorted(os.listdir(folder)):
                path = os.path.join(folder, name)
                info = zipfile.ZipInfo(name)
                info.external_attr = (os.stat(path).st_mode & 0o777 | 0o100000) << 16
                with open(path, "rb") as handle:
                    archive.writestr(info, handle.read())
        shutil.rmtree(folder)
    elif i % 5 == 3:  # a git repository
        subprocess.run(["git", "init", "-q"], cwd=folder, check=True, env=env)
        subprocess.run(["git", "add", "-A"], cwd=folder, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "work"], cwd=folder, check=True, env=env)
print("generated %d submissions in %s" % (count, target))
