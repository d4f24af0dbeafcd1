from django.contrib import admin

from hingecoach.web.athletes.models import Athlete, HingeTest, TrainingSession


@admin.register(Athlete)
class AthleteAdmin(admin.ModelAdmin):
    list_display = ("name", "team", "stage", "refer", "pain_flag", "archived")
    list_filter = ("team", "stage", "archived")
    search_fields = ("name",)


@admin.register(HingeTest)
class HingeTestAdmin(admin.ModelAdmin):
    list_display = ("athlete", "date", "faults")


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ("athlete", "date", "pain_during", "pain_next_morning")
