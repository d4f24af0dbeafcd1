"""The audit trail: who changed which record, and when (django-auditlog).

``registry`` says which models and fields are recorded; every entry carries the team
(and the athlete, for an athlete's records) in ``additional_data``, so a head coach
reads their own team's entries and an erasure can remove an athlete's.
"""
