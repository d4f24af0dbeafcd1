from django.apps import AppConfig


class GymConfig(AppConfig):
    name = "hingecoach.web.gym"
    label = "gym"
    verbose_name = "Gym mode"
