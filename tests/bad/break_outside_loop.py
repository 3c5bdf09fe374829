print("ok")
break
