class Attribute:
    def __init__(self, hash_key=False, range_key=False, null=False, attr_name=None):
        self.hash_key, self.range_key, self.null, self.attr_name = hash_key, range_key, null, attr_name

    def __set_name__(self, owner, name):
        self.attr_name = self.attr_name or name

    def between(self, lower, upper):
        return ('between', self.attr_name, lower, upper)


class UnicodeAttribute(Attribute):
    pass


class NumberAttribute(Attribute):
    pass


class BinaryAttribute(Attribute):
    def __init__(self, *, legacy_encoding, **kwargs):  # required since PynamoDB 6
        super().__init__(**kwargs)
        self.legacy_encoding = legacy_encoding


class TTLAttribute(Attribute):
    pass


class DiscriminatorAttribute(Attribute):
    pass
