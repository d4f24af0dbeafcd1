"""Rep segmentation: start, bottom and end of each hinge rep.

The trunk's forward lean is followed as a zigzag: a turn counts only after the lean has
moved back by at least ``min_lean_excursion_deg``, so jitter never splits a rep. Each
peak of lean is a candidate rep, kept only if the trunk leaned at least
``min_trunk_lean_deg``, came back up by the excursion after it, and the feet stayed
planted (the ankle moved less than ``max_ankle_travel_leg`` leg lengths from the rep's
start to its end, and a margin around it): walking, jumping and flipping are not reps.
Where the ankle cannot show that (it jumps about from frame to frame, or drifts smoothly
away: plates or a bar in front of the legs), the rep is kept if the body stayed on the
ground: the shoulders never rose above their standing height, upright and for a
while (a jump's flight lifts them; a misplaced skeleton for a frame or two does not
count), compared only at the same scale and against enough standing to judge by, and
the hips stood up where they started (a walk or a flip carries them away), both in
trunk lengths. Such a rep is marked ``legs_steady=False`` so that no fault is
read from it. A rep whose rise or fall is cut by the clip's edge starts at the clip's
start or ends at its end (a clip that starts at the bottom and stands up once holds one
rep; so does a set filmed from the first pull; one that ends on a descent holds no rep
there). A gap in the track too long to bridge is read like the clip's edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hingecoach.core.kinematics.numeric import Floats, Mask
from hingecoach.core.kinematics.smoothing import jump_scatter
from hingecoach.core.kinematics.thresholds import RepRules


@dataclass(frozen=True)
class RepWindow:
    """Frame indices of one rep (inclusive)."""

    start: int
    bottom: int
    end: int
    legs_steady: bool = True


def zigzag(signal: Floats, swing: float) -> list[tuple[str, int]]:
    """Alternating ("peak" | "valley", index) turns, each at least ``swing`` from the
    last; a rise still under way at the end leaves its highest point as a peak."""
    turns: list[tuple[str, int]] = []
    hi = lo = 0
    going = ""
    for i, value in enumerate(signal):
        hi = i if value > signal[hi] else hi
        lo = i if value < signal[lo] else lo
        if going != "down" and value < signal[hi] - swing:
            turns.append(("peak", hi))
            going, lo = "down", i
        elif going != "up" and value > signal[lo] + swing:
            if going:
                turns.append(("valley", lo))
            going, hi = "up", i
    if going == "up":
        turns.append(("peak", hi))
    return turns


def through_standing(
    turns: list[tuple[str, int]], signal: Floats, upright_below: float, lockout: int = 1
) -> list[tuple[str, int]]:
    """The turns with every valley that is no lockout taken out, and the two peaks
    either side of it kept as their higher one: a rep ends only when the trunk comes
    back up toward standing and stays there. A lockout leans under ``upright_below``
    for at least ``lockout`` frames running. A lifter settling at the bottom of a
    deadlift's set-up (or a pose model wavering there) is not a new rep, nor is a lean
    that dips just under the bar for a moment (a camera panning past a lifter at the
    bottom tilts the trunk it sees by a few degrees)."""
    out: list[tuple[str, int]] = []
    for kind, index in turns:
        if (
            out
            and out[-1][0] == "valley"
            and not _locks_out(signal, out[-1][1], upright_below, lockout)
            and kind == "peak"
        ):
            out.pop()
            if signal[index] > signal[out[-1][1]]:
                out[-1] = (kind, index)
            continue
        out.append((kind, index))
    return out


def _locks_out(signal: Floats, valley: int, upright_below: float, lockout: int) -> bool:
    """Does the lean stay under ``upright_below`` for ``lockout`` frames running around
    frame ``valley``?"""
    under = signal < upright_below
    if not under[valley]:
        return False
    first = last = valley
    while first > 0 and under[first - 1]:
        first -= 1
    while last < len(signal) - 1 and under[last + 1]:
        last += 1
    return last - first + 1 >= lockout


def runs(signal: Floats, fps: float, rules: RepRules) -> list[tuple[Floats, int]]:
    """The lean's stretches to read reps from, each with the offset of its first frame.
    The signal comes bridged over gaps too short to hide a rep (``max_gap_s``); a longer
    gap stays a gap, its edges read like the clip's (a lockout lost in it must not join
    the reps either side), unless it could not hold a lockout (``_stays_down``). Such a
    gap is bridged in a straight line: the lifter stayed down through it."""
    known = np.isfinite(signal)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], known.astype(int), [0]))))
    spans = [[int(a), int(b)] for a, b in zip(edges[::2], edges[1::2], strict=True)]
    merged = spans[:1]
    for a, b in spans[1:]:
        if _stays_down(signal[merged[-1][1] - 1], signal[a], (a - merged[-1][1] + 1) / fps, rules):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        inside = np.arange(a, b)
        seen = inside[known[a:b]]
        out.append((np.interp(inside, seen, signal[seen]), a))
    return out


def _stays_down(before: float, after: float, gap_s: float, rules: RepRules) -> bool:
    """Was the lifter too briefly out of sight to have stood up: bent past
    ``min_trunk_lean_deg`` at both edges of a ``gap_s`` second gap, shorter than it
    takes to tip from ``before`` up past that lean, spend ``min_lockout_s`` nearer
    standing and tip down to ``after``, at ``max_lean_speed_deg_s`` at most?"""
    bent = rules.min_trunk_lean_deg
    if min(before, after) < bent:
        return False
    tipping = ((before - bent) + (after - bent)) / rules.max_lean_speed_deg_s
    return gap_s < rules.min_lockout_s + tipping


@dataclass(frozen=True)
class Motion:
    """What the reps are found from, one entry per frame: the trunk's ``lean`` and the
    ``hip_angle`` (degrees), the ``hip``, ``ankle`` and ``shoulder`` (pixels, cleaned:
    bridged and smoothed), the ankle ``ankle_placed`` where the model put it (not
    bridged or smoothed, so one misplaced frame stays one frame); ``leg`` in pixels."""

    lean: Floats
    hip_angle: Floats
    hip: Floats
    ankle: Floats
    ankle_placed: Floats
    shoulder: Floats
    leg: float
    fps: float


def find_reps(m: Motion, rules: RepRules) -> list[RepWindow]:
    """Every rep of the clip, in order. A rep that runs into a gap still bent and whose
    lean goes on falling after it (``_goes_on``: the lifter still rising) is counted
    once, before the gap: the stretch after it holds that rep's rest, not a rep."""
    reps: list[RepWindow] = []
    for signal, offset in runs(m.lean, m.fps, rules):
        found = _reps_in(m, signal, offset, rules)
        if found and reps and _goes_on(m.lean, reps[-1], found[0], offset, rules):
            found = found[1:]
        reps += found
    return reps


def _goes_on(
    lean: Floats, before: RepWindow, after: RepWindow, offset: int, rules: RepRules
) -> bool:
    """Is ``after``, the first rep of the stretch from frame ``offset``, the rest of
    ``before``: ``before`` reached the gap without standing (its lean stayed past
    ``min_trunk_lean_deg`` to the gap), and ``after`` starts at the gap and never leans
    ``min_lean_excursion_deg`` further than the lean left it (no new descent: jitter
    never makes one)?"""
    last = int(np.flatnonzero(np.isfinite(lean[:offset]))[-1])
    into_gap = lean[before.end : last + 1]
    deepest = np.nanmax(lean[offset : after.end + 1])
    return bool(
        np.all(into_gap[np.isfinite(into_gap)] >= rules.min_trunk_lean_deg)
        and after.start == offset
        and deepest < lean[last] + rules.min_lean_excursion_deg
    )


def _reps_in(m: Motion, signal: Floats, offset: int, rules: RepRules) -> list[RepWindow]:
    """The reps of one unbroken stretch of the lean, ``signal``, from frame ``offset``."""
    turns = through_standing(
        zigzag(signal, rules.min_lean_excursion_deg),
        signal,
        rules.min_trunk_lean_deg,
        max(1, round(rules.min_lockout_s * m.fps)),
    )
    margin = int(rules.planted_margin_s * m.fps)
    reps = []
    for k, (kind, peak) in enumerate(turns):
        if kind != "peak" or signal[peak] < rules.min_trunk_lean_deg:
            continue
        left = turns[k - 1][1] if k > 0 else 0
        right = turns[k + 1][1] if k + 1 < len(turns) else len(signal) - 1
        start, end = (edge + offset for edge in _window(signal, left, peak, right, rules))
        fell = signal[peak] - rules.min_lean_excursion_deg
        if signal[end - offset] > fell:  # went down and never came back up
            continue
        first, last = start - margin, end + margin
        steady = ankle_steady(m.ankle, m.ankle_placed, first, last, m.leg, rules)
        # An ankle that moves smoothly but not in place may be a leg drifting behind a
        # plate as well as a walk: the trunk and hips then tell, as where it jumps about.
        steady = steady and feet_planted(m.ankle_placed, first, last, m.leg, rules)
        # Cut by the clip's edge or a gap while still bent, a rep neither starts nor
        # ends standing there: its hips need not be back where they started.
        upright = rules.min_trunk_lean_deg
        standing = (signal[start - offset] < upright, signal[end - offset] < upright)
        if not steady and not stays_grounded(m, start, end, margin, rules, standing):
            continue
        bottom = _bottom(
            m.hip_angle if steady else upright_proxy(m.lean),
            m.lean,
            start,
            end,
            rules.min_hip_seen_share,
        )
        reps.append(RepWindow(start, bottom, end, legs_steady=steady))
    return reps


def _window(signal: Floats, left: int, peak: int, right: int, rules: RepRules) -> tuple[int, int]:
    top = signal[peak]
    start = 0
    base = float(np.min(signal[left : peak + 1]))
    if top - base >= rules.min_lean_excursion_deg or left > 0:
        level = base + rules.edge_share * (top - base)
        start = left + int(np.flatnonzero(signal[left : peak + 1] <= level)[-1])
    end = len(signal) - 1
    base = float(np.min(signal[peak : right + 1]))
    if top - base >= rules.min_lean_excursion_deg or right < len(signal) - 1:
        level = base + rules.edge_share * (top - base)
        end = peak + int(np.flatnonzero(signal[peak : right + 1] <= level)[0])
    return start, end


def _bottom(hip: Floats, lean: Floats, start: int, end: int, min_seen: float) -> int:
    part = depth(hip, lean, start, end, min_seen)
    if not np.isfinite(part).any():
        return (start + end) // 2
    return start + int(np.nanargmax(part))


def upright_proxy(lean: Floats) -> Floats:
    """Stands in for the hip angle where the legs cannot be followed: 180 minus the
    trunk's lean, as if the thigh stayed upright (a hinge tips the thigh back only a
    little)."""
    return 180.0 - lean


def depth(hip: Floats, lean: Floats, start: int, end: int, min_seen: float) -> Floats:
    """How deep each frame from ``start`` to ``end`` is, larger deeper: hip flexion (180
    minus the hip angle) when the hip angle is seen in at least ``min_seen`` of those
    frames, else the trunk's lean. The hip angle needs the knee, which a bar or a plate
    may hide right at the bottom; the lean needs only the hip and shoulder."""
    flexion = 180.0 - hip[start : end + 1]
    if np.isfinite(flexion).mean() >= min_seen:
        return flexion
    return lean[start : end + 1]


def strays(m: Motion, reps: list[RepWindow], rules: RepRules) -> Mask:
    """Per frame: was the ankle placed ``max_ankle_travel_leg`` leg lengths or more
    from where it stood, in or around a rep whose feet stayed planted? The feet did not
    move (the rep says so), so the model misplaced them there (on a passer-by's legs,
    say); nothing should be read from those frames' legs."""
    out = np.zeros(len(m.lean), dtype=bool)
    margin = int(rules.planted_margin_s * m.fps)
    for rep in reps:
        if not rep.legs_steady:
            continue
        first = max(0, rep.start - margin)
        part = _frames(m.ankle_placed, first, rep.end + margin)
        seen = np.isfinite(part).all(axis=1)
        if not seen.any():
            continue
        away = np.hypot(*(part - np.median(part[seen], axis=0)).T)
        with np.errstate(invalid="ignore"):
            out[first : first + len(part)] |= away >= rules.max_ankle_travel_leg * m.leg
    return out


def _frames(values: Floats, first: int, last: int) -> Floats:
    """Frames ``first`` to ``last`` of ``values``, clipped to the clip (a margin before
    the first frame must not wrap round to the clip's end)."""
    return values[max(0, first) : last + 1]


def _span(points: Floats, first: int, last: int) -> Floats:
    """The seen points from frame ``first`` to ``last`` (clipped to the clip)."""
    part = _frames(points, first, last)
    return part[np.isfinite(part).all(axis=1)]


def ankle_steady(
    ankle: Floats, placed: Floats, first: int, last: int, leg: float, rules: RepRules
) -> bool:
    """Can the ankle be followed from frame ``first`` to ``last``: did the model place
    it (``placed``, before any bridging) in at least half of them, and does its cleaned
    track (``ankle``), between frames where it was placed (a bridge is smooth by
    construction), jump from one frame to the next by a typical amount (1.48 x the
    median jump / sqrt 2, ``smoothing.jump_scatter``: for the 2-D jumps of a point
    jittering by s on each axis it reads about 1.75 s) under ``max_ankle_scatter_leg``
    leg lengths? A foot standing, stepping or taking off moves smoothly; a pose model
    guessing at a leg behind plates loses it or throws it about."""
    seen: Mask = np.all(np.isfinite(_frames(placed, first, last)), axis=1)
    jumps = np.hypot(*np.diff(_frames(ankle, first, last), axis=0).T)
    scatter = jump_scatter(np.where(seen[1:] & seen[:-1], jumps, np.nan))  # not along a bridge
    if seen.mean() < 0.5 or not np.isfinite(scatter) or not np.isfinite(leg):
        return False
    return bool(scatter < rules.max_ankle_scatter_leg * leg)


def feet_planted(ankle: Floats, first: int, last: int, leg: float, rules: RepRules) -> bool:
    """The ankle stays within ``max_ankle_travel_leg`` leg lengths of its median
    position from frame ``first`` to ``last`` (the rep and a margin around it), in all
    but ``planted_outlier_share`` of those frames (a pose model may put the ankle on
    someone else's leg, or behind a plate, for a moment)."""
    part = _span(ankle, first, last)
    if len(part) == 0 or not np.isfinite(leg):
        return False
    away = np.hypot(*(part - np.median(part, axis=0)).T)
    travel = np.quantile(away, 1.0 - rules.planted_outlier_share)
    return bool(travel < rules.max_ankle_travel_leg * leg)


def stays_grounded(
    m: Motion,
    start: int,
    end: int,
    margin: int,
    rules: RepRules,
    standing: tuple[bool, bool] = (True, True),
) -> bool:
    """Where the feet cannot be followed, the trunk stands in for them: did the body stay
    on the ground through the rep? ``standing``: does the rep start and end standing
    (False where the clip's edge cuts it)? The shoulders never rise more than
    ``max_rise_trunk`` trunk lengths above their standing height, from ``margin`` frames
    before the rep to ``margin`` after it (a jump's flight lifts them; its landing,
    which bends like a hinge, follows that flight); and a rep that starts and ends
    standing stands up within ``max_hip_return_trunk`` of where it started, along the
    ground (a walk or a flip carries the hips away). The shoulder is read rather than
    the hip because plates hide the hip less and a pose model places it better there.
    Both are measured in trunk lengths (``standing_trunk``): the leg's length shrinks
    exactly where the feet cannot be followed, when the model guesses at legs behind
    plates."""
    trunk = standing_trunk(m, rules)
    if not np.isfinite(trunk):
        return False
    return not _rises(m, start, end, margin, trunk, rules) and _comes_back(
        m.hip, start, end, standing, rules.max_hip_return_trunk * trunk
    )


def standing_trunk(m: Motion, rules: RepRules) -> float:
    """The trunk's length (hip to shoulder, pixels): its median over the clip's frames
    within ``upright_lean_deg`` of vertical, or over every frame when it never stands
    that straight."""
    trunk = np.hypot(*(m.shoulder - m.hip).T)
    with np.errstate(invalid="ignore"):
        upright = np.isfinite(trunk) & (np.abs(m.lean) < rules.upright_lean_deg)
    usable = trunk[upright] if upright.any() else trunk[np.isfinite(trunk)]
    return float(np.median(usable)) if len(usable) else float("nan")


def _rises(m: Motion, start: int, end: int, margin: int, trunk: float, rules: RepRules) -> bool:
    """Do the shoulders fly: from ``margin`` frames before the rep to ``margin`` after
    it, do they stay ``max_rise_trunk`` trunk lengths or more above their standing
    height, upright (within ``upright_lean_deg`` of vertical: a flight is), for at least
    ``min_flight_s`` running (two frames at the least, so a misplaced frame or two do
    not)? Standing frames are those within ``ground_reach_s`` of the rep where the trunk
    is upright and the shoulders move slower than ``still_trunk_s`` trunk lengths
    (``trunk`` pixels) a second: standing, not dropping into the next rep (a lifter may
    lower the bar with the trunk still upright) nor flying. Each frame is compared only
    with standing frames drawn at its own scale (their trunk within
    ``max_trunk_change_standing`` of its own; a camera that zooms moves the picture's
    heights with it), in their trunk lengths. Where fewer than ``min_standing_s`` of
    such frames exist the height is not judged and the rep stands: a flight is upright,
    so a rep with no upright frame near it (an RDL filmed from the bottom that ends
    before standing) never left the ground, and a few upright frames (the head cut by
    the frame's top at the lockout, a misplaced shoulder) cannot say where standing is."""
    reach = int(rules.ground_reach_s * m.fps)
    height = -m.shoulder[:, 1]
    length = np.hypot(*(m.shoulder - m.hip).T)
    speed = np.abs(np.gradient(height)) * m.fps if len(height) > 1 else np.zeros(len(height))
    with np.errstate(invalid="ignore"):
        upright = np.abs(m.lean) < rules.upright_lean_deg
        still = upright & (speed < rules.still_trunk_s * trunk) & np.isfinite(length)
    near = np.arange(max(0, start - reach), min(len(height), end + reach + 1))
    standing = near[still[near]]
    need = max(2, int(np.ceil(rules.min_standing_s * m.fps)))
    if len(standing) < need:
        return False
    window = np.arange(max(0, start - margin), min(len(height), end + margin + 1))
    flying = np.zeros(len(window), dtype=bool)
    for k, i in enumerate(window):
        if not (upright[i] and np.isfinite(height[i]) and np.isfinite(length[i])):
            continue
        alike = standing[
            np.abs(length[standing] / length[i] - 1.0) <= rules.max_trunk_change_standing
        ]
        if len(alike) < need:
            continue
        rise = height[i] - np.median(height[alike])
        flying[k] = rise >= rules.max_rise_trunk * np.median(length[alike])
    lasting = max(2, int(np.ceil(rules.min_flight_s * m.fps)))
    return _longest_run(flying) >= lasting


def _longest_run(mask: Mask) -> int:
    """The most True values in a row."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(int), [0]))))
    return int(np.max(edges[1::2] - edges[::2])) if len(edges) else 0


def _comes_back(
    hip: Floats, start: int, end: int, standing: tuple[bool, bool], most: float
) -> bool:
    """A rep that starts and ends standing: the hips, at the first and last frames of
    the rep where they are seen, lie within ``most`` pixels of each other along the
    ground (height is the shoulders' business; a pose model places the hip up and down
    behind plates)."""
    if not all(standing):
        return True
    seen = np.flatnonzero(np.isfinite(hip[start : end + 1]).all(axis=1))
    if len(seen) == 0:
        return False
    return bool(abs(hip[start + seen[-1], 0] - hip[start + seen[0], 0]) < most)
