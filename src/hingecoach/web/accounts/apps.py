from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hingecoach.web.accounts"
    label = "accounts"
    verbose_name = "Coach accounts"
