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


def test_an_amount_is_never_broken_over_two_lines_of_a_message():
    """A Z report's message at 1024x768 once read "Förväntat kontant 2" / "076,00 kr"."""
    from ui.widgets.style import unbroken

    nb = "\u00a0"
    said = "Z-rapport 1: Förväntat kontant 2 076,00 kr. Räknat 1 740,00 kr: 336,00 kr för lite."
    assert unbroken(said) == (f"Z-rapport 1: Förväntat kontant 2{nb}076,00{nb}kr. "
                              f"Räknat 1{nb}740,00{nb}kr: 336,00{nb}kr för lite.")
    assert unbroken("-1 299 500,50 kr") == f"-1{nb}299{nb}500,50{nb}kr"
    assert unbroken("Skift 1 sedan 03:46, kassa 12 1234") == "Skift 1 sedan 03:46, kassa 12 1234"

