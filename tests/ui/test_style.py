"""The style helpers: a message label's level changes its look, and only a change re-polishes."""
from PySide6.QtWidgets import QLabel


def test_a_level_change_restyles_the_label_and_the_same_level_again_does_not(qtbot, qapp):
    from ui.widgets.style import apply_style, set_level

    apply_style(qapp)
    label = QLabel("Scanned")
    qtbot.addWidget(label)
    label.show()
    set_level(label, "ok")
    ok_colour = label.palette().color(label.foregroundRole()).name()
    set_level(label, "error")
    assert label.property("level") == "error"
    assert label.palette().color(label.foregroundRole()).name() != ok_colour  # restyled

    polished = []
    style = label.style()
    real_polish = style.polish
    style.polish = lambda w: (polished.append(w), real_polish(w))
    try:
        set_level(label, "error")
        set_level(label, "error")
        assert polished == []
        set_level(label, "ok")
        assert polished == [label]
        assert label.palette().color(label.foregroundRole()).name() == ok_colour
    finally:
        del style.polish
