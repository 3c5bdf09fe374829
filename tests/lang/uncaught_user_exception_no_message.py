class Boom(Exception):
    pass


print("about to fail")
raise Boom
