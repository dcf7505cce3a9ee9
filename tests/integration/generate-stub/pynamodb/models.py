class Model:
    discriminators = {}

    def __init_subclass__(cls, discriminator=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if discriminator is not None:
            Model.discriminators[discriminator] = cls

    @classmethod
    def _get_connection(cls):
        return ('connection', cls.Meta.table_name, cls.Meta.host, cls.Meta.region)
