class Projection:
    pass


class AllProjection(Projection):
    pass


class KeysOnlyProjection(Projection):
    pass


class IncludeProjection(Projection):
    def __init__(self, non_attr_keys=None):
        self.non_key_attributes = list(non_attr_keys or [])


class Index:
    def query(self, hash_key, **kwargs):
        return iter(())


class GlobalSecondaryIndex(Index):
    pass


class LocalSecondaryIndex(Index):
    pass
