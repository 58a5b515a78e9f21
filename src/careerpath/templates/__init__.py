"""Starting points for `careerpath init --blank`: a minimal, commented framework."""
