from django.urls import path

from hingecoach.web.blocks import views

app_name = "blocks"
urlpatterns = [
    path("athlete/<int:pk>/new/", views.block_assign, name="assign"),
    path("<int:pk>/end/", views.block_end, name="end"),
    path("<int:pk>/week/<int:week>/gym/", views.block_gym, name="gym"),
    path("<int:pk>/sheet.pdf", views.block_sheet, name="sheet"),
]
