raise ValueError("a",
      "b")
