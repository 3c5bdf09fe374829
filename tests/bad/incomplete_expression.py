print("a" "b" + )
