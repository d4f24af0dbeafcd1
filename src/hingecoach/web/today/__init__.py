"""Today: the page a coach signs in to: who needs attention and why, the squad on the
ladder, and the faults most seen lately."""
