"""BlazePose GHUM (person detector, landmark model, segmentation mask) run directly on
LiteRT, with the pre- and post-processing MediaPipe's graph files describe.

    anchors     the detector's SSD anchor centres
    detector    the person detector: letterboxed input, box and keypoint decoding, NMS
    roi         the rotated square region the landmark model sees, and its affine maps
    landmarks   the landmark model on a region: 39 points, visibility, presence, mask
    smoothing   a one-euro filter for landmarks between frames
    tracker     one person through a clip: detect, track by region, re-detect
    models      the bundled model files, their checksums and the runtime that loads them
"""
