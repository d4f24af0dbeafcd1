"""The angle plot: hip, knee and trunk angles over time, reps shaded, faults marked.

Matplotlib's Agg renderer through a bare ``Figure`` (no pyplot, no GUI backend), written
by the caller to a temporary file that is renamed when everything has succeeded.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hingecoach.core.kinematics import AnalysisReport

SERIES = (
    ("hip_deg", "hip", "#2f6ea8"),
    ("knee_deg", "knee", "#3d8a3a"),
    ("trunk_deg", "trunk from vertical", "#c46a12"),
)
REP_FILL, FAULT, TEXT, MUTED = "#e4d5f1", "#c62828", "#1f2933", "#7b8794"
DPI = 120


def draw_plot(report: AnalysisReport, out: Path, title: str) -> None:
    """Write the plot of ``report`` to ``out`` as PNG."""
    figure = angle_figure(report, title)
    FigureCanvasAgg(figure)
    figure.savefig(out, format="png", dpi=DPI, facecolor="white")


def angle_figure(report: AnalysisReport, title: str) -> Figure:
    figure = Figure(figsize=(10, 4.8), layout="constrained")
    ax = figure.add_subplot()
    series = report.series
    for key, label, colour in SERIES:
        values = [float("nan") if v is None else v for v in getattr(series, key)]
        ax.plot(series.t_s, values, label=label, color=colour, linewidth=1.6)
    for n, rep in enumerate(report.reps, 1):
        ax.axvspan(rep.start_s, rep.end_s, color=REP_FILL, alpha=0.6, linewidth=0, zorder=0)
        ax.axvline(rep.bottom_s, color=MUTED, linestyle=":", linewidth=1)
        ax.text(
            rep.start_s,
            1.01,
            f"rep {n}",
            transform=ax.get_xaxis_transform(),
            fontsize=8,
            color=TEXT,
            va="bottom",
        )
    for rep in report.reps:
        for fault in rep.faults:
            ax.axvline(fault.t_s, color=FAULT, linewidth=1.2)
            ax.text(
                fault.t_s,
                0.02,
                f" {fault.fault}",
                transform=ax.get_xaxis_transform(),
                rotation=90,
                fontsize=8,
                color=FAULT,
                va="bottom",
            )
    ax.set_xlim(0, max(series.t_s[-1] if series.t_s else 0.0, 0.1))
    ax.set_ylim(0, 190)
    ax.set_xlabel("time (s)")
    ax.set_ylabel("angle (degrees)")
    ax.grid(color="#d9dee4", linewidth=0.6)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    figure.suptitle(title, fontsize=10, color=TEXT)
    if not report.assessable:
        ax.text(
            0.5,
            0.5,
            f"not assessable:\n{report.reason}",
            transform=ax.transAxes,
            ha="center",
            va="center",
            wrap=True,
            color=TEXT,
            fontsize=10,
            bbox={"facecolor": "white", "edgecolor": MUTED},
        )
    return figure
