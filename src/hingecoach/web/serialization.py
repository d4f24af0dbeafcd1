"""The export's JSON format: Django's, except that times keep their microseconds.

Django's JSON encoder cuts datetimes to milliseconds, so a value stored with a few
microseconds came back from an import as another value, and an export of the imported
database differed from the first. Loading reads either form.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.serializers.json import Deserializer as Deserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer


class LosslessEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self) -> None:
        super()._init_options()  # type: ignore[misc]  # django-stubs lack this Django method
        self.json_kwargs["cls"] = LosslessEncoder
