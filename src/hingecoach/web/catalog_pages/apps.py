from django.apps import AppConfig


class CatalogPagesConfig(AppConfig):
    name = "hingecoach.web.catalog_pages"
    label = "catalog_pages"
    verbose_name = "Catalog pages"
