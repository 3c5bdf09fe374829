class ConfigError(Exception):
    pass


def load(settings):
    if "path" not in settings:
        raise ConfigError("missing key: path")
    return settings["path"]


def main():
    print(load({"path": "/tmp"}))
    print(load({}))


main()
